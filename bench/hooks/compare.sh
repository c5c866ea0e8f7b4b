#!/usr/bin/env bash
# JS hook cost side by side (not a test): three servers of one jar, each with its own database on one PostgreSQL
# (10,000 rows by bench/seed.py), started one after the other (start seconds and RSS are recorded), warmed up, then
# measured in interleaved rounds without restarts, so a round compares warm servers on the same machine load:
#   none      no hooks
#   interp    bench/hooks/noop, GraalJS in Truffle's interpreter (the default)
#   compiled  bench/hooks/noop, BASALT_JS_COMPILER=on (Truffle's optimizing runtime with the Graal compiler)
#
#   bench/hooks/compare.sh [ROUNDS] [SECONDS] [WARMUP]     # defaults 3 rounds, 10 s per scenario, 60 s warm-up
#
# BASALT_JAR picks the jar (default target/basalt-exec.jar); BASE_PORT (default 19850) and the two ports after it;
# PGPORT (default 5432, user postgres, trust); NAMES (default "none interp compiled": which servers); SCENARIOS (default "get update"), wrk -t2 -c32. Prints per round,
# server and scenario req/s, p99, the server's CPU µs per request and the load average; results in
# bench/results/hooks-*/ (results.tsv, starts.tsv, server logs).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${1:-3}" secs="${2:-10}" warm="${3:-60}" base_port="${BASE_PORT:-19850}" rows=10000
jar="$(readlink -f "${BASALT_JAR:-$root/target/basalt-exec.jar}")"
out="$here/results/hooks-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$out"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-5432}" PGUSER=postgres BASALT_RATE_LIMITS_DEFAULT_ENABLED=false
SU_EMAIL=bench-admin@example.com SU_PASSWORD=bench-admin-password-123
read -ra names <<<"${NAMES:-none interp compiled}"
declare -A pid port
cleanup() {
  for n in "${names[@]}"; do
    [[ -n "${pid[$n]:-}" ]] && kill -TERM "${pid[$n]}" 2>/dev/null
  done
  for n in "${names[@]}"; do
    [[ -n "${pid[$n]:-}" ]] && { timeout 60 tail --pid="${pid[$n]}" -f /dev/null || kill -KILL "${pid[$n]}"; } 2>/dev/null
    dropdb --if-exists --force "basalt_hooks_$n" 2>/dev/null || true
  done
}
trap cleanup EXIT
printf 'server\tstart_s\trss_mb_after_start\n' > "$out/starts.tsv"
for n in "${names[@]}"; do
  case "$n" in none) port[$n]=$base_port ;; interp) port[$n]=$((base_port + 1)) ;; compiled) port[$n]=$((base_port + 2)) ;; esac
  db="basalt_hooks_$n"
  dropdb --if-exists --force "$db"; createdb "$db"
  export BASALT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" BASALT_DB_USER=postgres PGDATABASE="$db"   # seed.py uses psql
  BASALT_JAR="$jar" "$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" >/dev/null
  hooks=() env=()
  [[ "$n" != none ]] && hooks=(--hooksDir "$here/hooks/noop")
  [[ "$n" == compiled ]] && env=(BASALT_JS_COMPILER=on)
  t0=$(date +%s.%N)
  env "${env[@]}" BASALT_JAR="$jar" "$root/basalt" serve --http "127.0.0.1:${port[$n]}" --dir "$out/data-$n" \
    "${hooks[@]}" > "$out/server-$n.log" 2>&1 &
  pid[$n]=$!
  until curl -sf "http://127.0.0.1:${port[$n]}/api/health" >/dev/null; do
    kill -0 "${pid[$n]}" || { tail "$out/server-$n.log"; exit 1; }
    sleep 0.5
  done
  printf '%s\t%.1f\t%d\n' "$n" "$(echo "$(date +%s.%N) - $t0" | bc)" \
    "$(awk '/VmRSS/ {print int($2/1024)}' "/proc/${pid[$n]}/status")" | tee -a "$out/starts.tsv"
  python3 "$here/seed.py" "http://127.0.0.1:${port[$n]}" "$SU_EMAIL" "$SU_PASSWORD" $rows >/dev/null
done
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
load() { # name scenario seconds
  local b="http://127.0.0.1:${port[$1]}" r="/api/collections/posts/records"
  case "$2" in
    get) wrk -t2 -c32 -d"$3s" --latency -s "$here/lua/by_id.lua" "$b" -- GET "$r/" p%014d $rows ;;
    update) wrk -t2 -c32 -d"$3s" --latency -s "$here/lua/by_id.lua" "$b" -- PATCH "$r/" p%014d $rows ;;
    list) wrk -t2 -c32 -d"$3s" --latency "$b$r?filter=views%3E500&sort=-created&perPage=20" ;;
  esac
}
for n in "${names[@]}"; do
  for s in ${SCENARIOS:-get update}; do load "$n" "$s" "$((warm / 2))" >/dev/null; done
done
printf 'round\tserver\tscenario\treq/s\tp99\tjvm_us/req\tload1\n' | tee "$out/results.tsv"
for round in $(seq 1 "$rounds"); do
  for n in "${names[@]}"; do
    for s in ${SCENARIOS:-get update}; do
      c0=$(cpu "${pid[$n]}"); res="$(load "$n" "$s" "$secs")"; c1=$(cpu "${pid[$n]}")
      reqs=$(awk '/requests in/ {print $1}' <<<"$res")
      printf '%s\t%s\t%s\t%s\t%s\t%d\t%s\n' "$round" "$n" "$s" "$(awk '/Requests\/sec/ {print $2}' <<<"$res")" \
        "$(awk '$1=="99%" {print $2}' <<<"$res")" $(( (c1 - c0) * 10000000 / ${reqs:-1} / 1000 )) \
        "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/results.tsv"
    done
  done
done
for n in "${names[@]}"; do
  echo "$n: RSS after the rounds $(awk '/VmRSS/ {print int($2/1024)}' "/proc/${pid[$n]}/status") MB; $(grep -o 'GraalJS runtime: [^)]*' "$out/server-$n.log" || echo 'no hooks')"
done | tee -a "$out/starts.tsv"
echo "results: $out"
