#!/usr/bin/env bash
# Cost of the request logs on GET by id, measured A/B inside one running Basalt (not a test):
#
#   bench/logs_ab.sh [ROUNDS] [SECONDS]     # default 8 rounds of 10 s per mode
#
# Starts Basalt on the external PostgreSQL (as bench/run.sh --setups external), seeds 10,000 rows, warms the JIT,
# then alternates logs on (settings logs.maxDays=5) and off (maxDays=0) on the same process, in the order on/off,
# off/on, ... so that drifts in the machine's load fall on both sides. Prints each run and the totals; with a busy
# shared machine, only the totals over many rounds mean anything; the CPU time per request (Basalt's JVM, log writer
# included, plus the PostgreSQL backends of its database) is less sensitive to other load than the throughput.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${1:-8}" seconds="${2:-10}" port="${BENCH_PORT:-18392}" label=logs-ab connections=32 jit_warmup="${BENCH_JIT_WARMUP:-15}"
out="$here/results/logs-ab-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
source "$here/lib/basalt.sh"
"$root/basalt" --version >/dev/null
basalt_start external
python3 "$here/seed.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" 10000 >/dev/null
basalt_warm_jit 10000
# CPU ticks (user + system) of the Basalt JVM, and of the PostgreSQL backends serving its database.
jvm_ticks() { awk '{print $14 + $15}' "/proc/$BASALT_PID/stat"; }
pg_ticks() {
  local sum=0 pid
  for pid in $(pgrep -f "postgres: .* $BENCH_DB " || true); do
    [[ -r /proc/$pid/stat ]] && sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$sum"
}
# CPU ticks of the JVM's log writer thread (the batch writer off the request path).
writer_ticks() {
  local task
  for task in /proc/"$BASALT_PID"/task/*; do
    if [[ "$(cat "$task/comm" 2>/dev/null)" == basalt-log-writ* ]]; then awk '{print $14 + $15}' "$task/stat"; return; fi
  done
  echo 0
}
# One wrk run: prints "req/s cpu-us-per-request jvm-us-per-request pg-us-per-request load-average writer-us".
get() {
  local jb pb ja pa wb wa text hz
  jb="$(jvm_ticks)" pb="$(pg_ticks)" wb="$(writer_ticks)"
  text="$(wrk -t2 "-c$connections" "-d${seconds}s" -s "$here/lua/by_id.lua" "$BASE" -- GET /api/collections/posts/records/ \
    p%014d 10000)"
  ja="$(jvm_ticks)" pa="$(pg_ticks)" wa="$(writer_ticks)" hz="$(getconf CLK_TCK)"
  local requests rps
  requests="$(echo "$text" | awk '/requests in/ {print $1}')"
  rps="$(echo "$text" | awk '/Requests\/sec/ {print $2}')"
  echo "$rps $(( (ja - jb + pa - pb) * 1000000 / hz / requests )) $(( (ja - jb) * 1000000 / hz / requests ))" \
    "$(( (pa - pb) * 1000000 / hz / requests )) $(cut -d' ' -f1 /proc/loadavg) $(( (wa - wb) * 1000000 / hz / requests ))"
}
mode() { python3 "$here/settings.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" "{\"logs\":{\"maxDays\":$1}}"; }
total_on=0 total_off=0 cpu_on=0 cpu_off=0 jvm_on=0 jvm_off=0 pg_on=0 pg_off=0 loads=""
for r in $(seq 1 "$rounds"); do
  order="on off"; (( r % 2 == 0 )) && order="off on"
  for m in $order; do
    if [[ $m == on ]]; then mode 5; else mode 0; fi
    read -r rps cpu jvm pg load writer <<< "$(get)"
    echo "round $r logs $m: $rps req/s, $cpu us CPU per request (JVM $jvm, of it log writer $writer; PostgreSQL" \
      "backends $pg), load $load" \
      | tee -a "$out/runs.txt"
    loads="$loads $load"
    if [[ $m == on ]]; then
      total_on="$(echo "$total_on + $rps" | bc)"; cpu_on=$(( cpu_on + cpu )); jvm_on=$(( jvm_on + jvm )); pg_on=$(( pg_on + pg ))
    else
      total_off="$(echo "$total_off + $rps" | bc)"; cpu_off=$(( cpu_off + cpu )); jvm_off=$(( jvm_off + jvm )); pg_off=$(( pg_off + pg ))
    fi
  done
done
{
  echo "mean on: $(echo "scale=1; $total_on / $rounds" | bc) req/s, mean off: $(echo "scale=1; $total_off / $rounds" | bc) req/s, on/off: $(echo "scale=3; $total_on / $total_off" | bc)"
  echo "CPU per request: on $(( cpu_on / rounds )) us, off $(( cpu_off / rounds )) us, on/off: $(echo "scale=3; $cpu_on / $cpu_off" | bc)"
  echo "  JVM: on $(( jvm_on / rounds )) us, off $(( jvm_off / rounds )) us; PostgreSQL: on $(( pg_on / rounds )) us, off $(( pg_off / rounds )) us"
  echo "load average (1 min) per run:$loads"
  # Each round's on/off ratio, then their median: a drift of the machine's load within a round pair cancels out.
  python3 - "$out/runs.txt" <<'PY'
import re, statistics, sys
rounds = {}
for line in open(sys.argv[1]):
    m = re.match(r"round (\d+) logs (on|off): ([\d.]+) req/s, (\d+) us", line)
    if m:
        rounds.setdefault(m[1], {})[m[2]] = (float(m[3]), int(m[4]))
pairs = [r for r in rounds.values() if len(r) == 2]
print("median of the rounds' on/off: throughput %.3f, CPU per request %.3f (%d rounds)" % (
    statistics.median(r["on"][0] / r["off"][0] for r in pairs),
    statistics.median(r["on"][1] / r["off"][1] for r in pairs), len(pairs)))
PY
} | tee -a "$out/runs.txt"
basalt_stop
