#!/usr/bin/env bash
# Start time and idle memory of `./basalt serve` with the embedded PostgreSQL, A/B (not a test):
#
#   bench/memory/start_idle.sh [ROUNDS] [IDLE_S]      # default 3 rounds, 40 s idle
#
# Variants, alternated in each round (order flipped every other round so drifts in the machine's load fall on both):
#   A: the environment in $A_ENV, e.g. A_ENV="BASALT_JAR=/tmp/before.jar"
#   B: the environment in $B_ENV, e.g. B_ENV="BASALT_JAR=target/basalt-exec.jar JAVA_OPTS=-XX:TieredStopAtLevel=1"
# Each start uses its own data directory, initialised by one untimed start first (a second start is what users see
# every day). Measured per start: wall time from exec to the first healthy /api/health, the JVM's CPU time by then,
# and after IDLE_S seconds of idleness the proportional set size (PSS, shared pages split between the processes
# that map them) and RSS of the JVM, and the PSS of the embedded PostgreSQL (postmaster and every backend).
# BASALT_JAR selects the jar (the launcher's default otherwise); ports 19750-19751 unless BENCH_PORT is set.
# BENCH_COLD=1 measures first starts instead: every start gets a new data directory (initdb included).
# BENCH_LOAD_S=N: N seconds of requests (wrk -c8: half /api/health, half a records list) before the idle time.
# A_LAUNCHER / B_LAUNCHER: the launcher script per variant (default ./basalt), e.g. a copy of an older one to
# compare its JVM defaults.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
rounds="${1:-3}" idle_s="${2:-40}" port="${BENCH_PORT:-19750}"
A_ENV="${A_ENV:?set A_ENV (see the header)}" B_ENV="${B_ENV:?set B_ENV}"
work="$(mktemp -d /tmp/basalt-start-XXXXXX)"
pid=""
cleanup() { [[ -n "$pid" ]] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$work"; }
trap cleanup EXIT
unset BASALT_DB_URL
pss_kb() { awk '/^Pss:/ {s += $2} END {print s + 0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
pg_pss_kb() {
  local postmaster sum=0 p
  postmaster="$(head -1 "$1/pg/postmaster.pid" 2>/dev/null)" || { echo 0; return; }
  for p in "$postmaster" $(pgrep -P "$postmaster"); do sum=$(( sum + $(pss_kb "$p") )); done
  echo "$sum"
}
pg_backends() { local postmaster; postmaster="$(head -1 "$1/pg/postmaster.pid")"; pgrep -P "$postmaster" -f 'postgres: .*127.0.0.1' | wc -l; }

# start VARIANT DIR MEASURE(0/1): starts, waits for health, prints the figures, stops.
start() {
  local variant="$1" dir="$2" measure="$3" envs t0 t1 ticks
  local launcher="${A_LAUNCHER:-$root/basalt}"
  envs="$A_ENV"; [[ "$variant" == B ]] && { envs="$B_ENV"; launcher="${B_LAUNCHER:-$root/basalt}"; }
  t0="$(date +%s%N)"
  # shellcheck disable=SC2086
  env $envs "$launcher" serve --http "127.0.0.1:$port" --dir "$dir" > "$work/$variant.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do   # up to ~5 min: starts on a saturated machine have taken minutes
    curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$variant.log"; exit 1; }
    sleep 0.05
  done
  t1="$(date +%s%N)"
  local jvm; jvm="$(pgrep -P "$pid" java || echo "$pid")"   # as root the launcher runs java under unshare
  ticks="$(awk '{print $14 + $15}' "/proc/$jvm/stat")"
  if [[ "$measure" == 1 ]]; then
    local load_s="${BENCH_LOAD_S:-0}"
    if (( load_s > 0 )); then
      wrk -t1 -c8 -d"$(( (load_s + 1) / 2 ))s" "http://127.0.0.1:$port/api/health" >/dev/null
      wrk -t1 -c8 -d"$(( (load_s + 1) / 2 ))s" "http://127.0.0.1:$port/api/collections/users/records" >/dev/null
    fi
    sleep "$idle_s"
    printf '| %s | %s | %.2f | %.1f | %d | %d | %d | %d | %d | %s |\n' "$variant" "$envs" \
      "$(echo "($t1 - $t0) / 1000000000" | bc -l)" "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" \
      $(( $(pss_kb "$jvm") / 1024 )) $(( $(rss_kb "$jvm") / 1024 )) $(( $(pg_pss_kb "$dir") / 1024 )) \
      $(( ($(pss_kb "$jvm") + $(pg_pss_kb "$dir")) / 1024 )) "$(pg_backends "$dir")" "$(cut -d' ' -f1 /proc/loadavg)"
  fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "| variant | environment | start to healthy (s) | JVM CPU by then (s) | JVM PSS idle (MB) | JVM RSS idle (MB) | PostgreSQL PSS idle (MB) | total PSS (MB) | PG backends | load avg |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
cold="${BENCH_COLD:-0}"
if [[ "$cold" != 1 ]]; then
  start A "$work/a" 0
  start B "$work/b" 0
fi
for r in $(seq 1 "$rounds"); do
  order="A B"; (( r % 2 == 0 )) && order="B A"
  for v in $order; do
    dir="$work/${v,,}"
    [[ "$cold" == 1 ]] && dir="$work/${v,,}$r"
    start "$v" "$dir" 1
  done
done
