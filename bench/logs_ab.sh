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
rounds="${1:-8}" seconds="${2:-10}" port=18392 label=logs-ab connections=32 jit_warmup=15
out="$here/results/logs-ab-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
source "$here/lib/basalt.sh"
"$root/basalt" --version >/dev/null
basalt_start external
python3 "$here/seed.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" 10000 >/dev/null
basalt_warm_jit 10000
# CPU ticks (user + system) of the Basalt JVM and of the PostgreSQL backends serving basalt_bench.
ticks() {
  local sum=0 pid
  for pid in "$BASALT_PID" $(pgrep -f 'postgres: .*basalt_bench' || true); do
    [[ -r /proc/$pid/stat ]] && sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$sum"
}
# One wrk run: prints "req/s cpu-microseconds-per-request".
get() {
  local before after text
  before="$(ticks)"
  text="$(wrk -t2 "-c$connections" "-d${seconds}s" -s "$here/lua/by_id.lua" "$BASE" -- GET /api/collections/posts/records/ \
    p%014d 10000)"
  after="$(ticks)"
  local requests rps
  requests="$(echo "$text" | awk '/requests in/ {print $1}')"
  rps="$(echo "$text" | awk '/Requests\/sec/ {print $2}')"
  echo "$rps $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
}
mode() { python3 "$here/settings.py" "$BASE" "$SU_EMAIL" "$SU_PASSWORD" "{\"logs\":{\"maxDays\":$1}}"; }
total_on=0 total_off=0 cpu_on=0 cpu_off=0
for r in $(seq 1 "$rounds"); do
  order="on off"; (( r % 2 == 0 )) && order="off on"
  for m in $order; do
    if [[ $m == on ]]; then mode 5; else mode 0; fi
    read -r rps cpu <<< "$(get)"
    echo "round $r logs $m: $rps req/s, $cpu us CPU per request (Basalt + its PostgreSQL backends)" | tee -a "$out/runs.txt"
    if [[ $m == on ]]; then
      total_on="$(echo "$total_on + $rps" | bc)"; cpu_on=$(( cpu_on + cpu ))
    else
      total_off="$(echo "$total_off + $rps" | bc)"; cpu_off=$(( cpu_off + cpu ))
    fi
  done
done
{
  echo "mean on: $(echo "scale=1; $total_on / $rounds" | bc) req/s, mean off: $(echo "scale=1; $total_off / $rounds" | bc) req/s, on/off: $(echo "scale=3; $total_on / $total_off" | bc)"
  echo "CPU per request: on $(( cpu_on / rounds )) us, off $(( cpu_off / rounds )) us, on/off: $(echo "scale=3; $cpu_on / $cpu_off" | bc)"
} | tee -a "$out/runs.txt"
basalt_stop
