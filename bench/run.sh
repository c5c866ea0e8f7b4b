#!/usr/bin/env bash
# Basalt's side-by-side benchmark (not a test). One command, from the repository root:
#
#   bench/run.sh                 # both setups, 10,000 and 100,000 rows, peers and pgbench: about 25 minutes
#   bench/run.sh --quick         # smoke run: external setup, 10,000 rows, 2 s + 3 s per scenario, no peers
#
# Options:
#   --setups LIST      embedded,external (default both). embedded: Basalt's own PostgreSQL in a temporary
#                      --dir; external: a fresh database basalt_bench on BENCH_PG (below)
#   --rows LIST        row counts, default 10000,100000 (peers are compared at 10000, the rows they hold)
#   --scenarios LIST   default all: get,list,list_skiptotal,owner_get,owner_list,update,auth_password,
#                      auth_refresh,create (run in this order; create last, since it adds rows)
#   --warmup S / --duration S   wrk warm-up (discarded) and measured seconds per scenario (default 10 / 10)
#   --jit-warmup S     after each start, S seconds of load per read scenario before any measurement (default 15)
#   --connections C    wrk connections (default 32; threads 2)
#   --no-peers         skip Directus and Parse Server     --no-pgbench   skip the pgbench runs
#   --jar PATH         benchmark this jar instead of building target/basalt-exec.jar (e.g. an older build)
#   --label NAME       name of this Basalt in the results (default basalt)
#   --port P           Basalt's port (default 18090)
#   --logs on|off      request logs on (default, as installed) or off (settings logs.maxDays=0), to measure their cost
#   --hooks DIR        serve with this JS hooks directory (e.g. bench/hooks/noop: no-op hooks on posts), to
#                      measure the hooks' overhead against a run without (use another --label)
#   --hook-overhead    each setup twice, interleaved: without hooks, then with bench/hooks/noop (label
#                      LABEL+noop-js-hooks); table.md gets "JS hook overhead per request" (req/s ratio and server CPU
#                      µs per request, with and without)
# Environment: JAVA_OPTS (JVM options for Basalt), BENCH_PG (host:port of the external PostgreSQL; default the
# peers' cluster 127.0.0.1:55432 when it runs, else 127.0.0.1:5432; user postgres, trust auth), PEERS (the peers'
# work directory, default /tmp/basalt-peers), PEERS_SCRIPTS (default ../shared/peers next to the repository),
# QUIET_MAX (seconds to wait for an idle machine before each scenario, default 60).
#
# Results: bench/results/<timestamp>/ with results.csv (every run), table.md (the summary with ratios),
# raw/ (wrk outputs), meta.txt (machine, versions, options), server logs.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"

setups=embedded,external rows_list=10000,100000 scenarios=all warmup=10 duration=10 connections=32
peers=1 pgbench=1 jar="" label=basalt port=18090 jit_warmup=15 logs=on hooks="" hook_overhead=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) setups=external rows_list=10000 warmup=2 duration=3 jit_warmup=3 peers=0 pgbench=0 ;;
    --setups) setups="$2"; shift ;;
    --rows) rows_list="$2"; shift ;;
    --scenarios) scenarios="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --jit-warmup) jit_warmup="$2"; shift ;;
    --no-peers) peers=0 ;;
    --no-pgbench) pgbench=0 ;;
    --jar) jar="$(readlink -f "$2")"; shift ;;
    --label) label="$2"; shift ;;
    --port) port="$2"; shift ;;
    --logs) logs="$2"; shift ;;
    --hooks) hooks="$(readlink -f "$2")"; shift ;;
    --hook-overhead) hook_overhead=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$scenarios" == all ]] && scenarios=get,list,list_skiptotal,owner_get,owner_list,update,auth_password,auth_refresh,create
for tool in wrk psql pgbench python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is required (Debian: wrk, postgresql-client)" >&2; exit 1; }
done

out="$here/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out/raw"
export QUIET_MAX="${QUIET_MAX:-60}"
source "$here/lib/basalt.sh"
source "$here/lib/peers.sh"

# Build (or check) the jar once, through the launcher that also picks the JDK.
if [[ -z "$jar" ]]; then
  "$root/basalt" --version >/dev/null
  jar="$root/target/basalt-exec.jar"
fi
export BASALT_JAR="$jar"
{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "jar: $jar ($label)"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem/ {print $2}') GiB"
  echo "kernel: $(uname -r); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(psql --version)"
  echo "options: setups=$setups rows=$rows_list scenarios=$scenarios jit_warmup=${jit_warmup}s warmup=${warmup}s duration=${duration}s connections=$connections peers=$peers pgbench=$pgbench logs=$logs hooks=${hooks:-none} hook_overhead=$hook_overhead"
} > "$out/meta.txt"
cat "$out/meta.txt"

csv="$out/results.csv"
measure() { python3 "$here/measure.py" --csv "$csv" --warmup "$warmup" --duration "$duration" --connections "$connections" --raw "$out/raw" "$@"; }

# One setup with the current $label and $hooks.
bench_setup() {
  local setup="$1" warmed=0 rows s
  basalt_start "$setup"
  for rows in ${rows_list//,/ }; do
    echo "== $label, $setup PostgreSQL, $rows rows"
    python3 "$here/seed.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" "$rows" >/dev/null
    [[ "$logs" == off ]] && python3 "$here/settings.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" '{"logs":{"maxDays":0}}'
    [[ "$warmed" == 1 ]] || { basalt_warm_jit "$rows"; warmed=1; }
    basalt_scenarios "$setup" "$rows"
    if [[ "$pgbench" == 1 ]]; then
      for s in get list list_skiptotal; do
        python3 "$here/pgbench_run.py" --csv "$csv" --setup "$setup" --rows "$rows" --scenario "$s" \
          --warmup "$warmup" --duration "$duration" --connections "$connections" -- -M prepared -f "$here/pgbench/$s.sql"
      done
      python3 "$here/pgbench_run.py" --csv "$csv" --setup "$setup" --rows "$rows" --scenario get_simple \
        --warmup "$warmup" --duration "$duration" --connections "$connections" -- -M simple -f "$here/pgbench/get.sql"
    fi
  done
  basalt_stop
}

for setup in ${setups//,/ }; do
  if [[ "$hook_overhead" == 1 ]]; then
    base_label="$label"
    hooks="" bench_setup "$setup"
    label="$base_label+noop-js-hooks" hooks="$here/hooks/noop" pgbench=0 bench_setup "$setup"
    label="$base_label"
  else
    bench_setup "$setup"
  fi
done

[[ "$peers" == 1 ]] && peers_bench
python3 "$here/summarize.py" --label "$label" "$out" | tee "$out/table.md"
echo "results: $out"
