#!/usr/bin/env bash
# Interleaved A/B/C... of JVM options on the request path (not a test): each variant is one set of JVM options
# (system properties included, e.g. -Dspring.threads.virtual.enabled=false); rounds alternate the variants, each a
# fresh start on the same external database, reseeded (10,000 rows) after every start so creates and updates do
# not drift the data between variants.
#
#   bench/threads_ab.sh ROUNDS SECONDS LABEL=OPTIONS [LABEL=OPTIONS ...]
#   e.g. bench/threads_ab.sh 3 10 virtual= platform=-Dspring.threads.virtual.enabled=false
#
# Per round, variant and scenario it prints req/s, p50, p99, the JVM's CPU µs per request (utime+stime from /proc),
# the request threads' share of it (Tomcat's threads and the virtual threads' carriers), the JIT compiler's and GC
# threads' CPU ms during the run (a JIT still compiling marks a cold run), the GC pauses (count, total and longest
# ms, from -Xlog:gc), the mean wait for a pooled connection (Hikari's acquire timer, from /metrics) and the load
# average. Environment: JAR (default target/basalt-exec.jar); JAR_<LABEL> (one variant's jar; characters other than
# letters, digits and _ as _); SCENARIOS (default get list list_skiptotal owner_get update create); WARM (seconds of
# load per scenario after each start, default 20: on a loaded 2-core machine less leaves a late variant's JIT
# behind); IDLE (seconds idle after the scenarios before the RSS is read again into rss.tsv, default 0); PORT
# (default 18200); PGPORT (default 5432, user postgres, trust).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="$1" secs="$2"; shift 2
port="${PORT:-18200}" rows=10000 warm="${WARM:-20}" scenarios="${SCENARIOS:-get list list_skiptotal owner_get update create}"
out="$here/results/threads-$(date +%Y%m%d-%H%M%S)-$port"; mkdir -p "$out"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-5432}" PGUSER=postgres PGDATABASE=basalt_threads_$port
export BASALT_RATE_LIMITS_DEFAULT_ENABLED=false BASALT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
export BASALT_DB_USER=postgres BASALT_AOT=off
SU_EMAIL=bench-admin@example.com SU_PASSWORD=bench-admin-password-123
base="http://127.0.0.1:$port" records=/api/collections/posts/records list="filter=views%3E500&sort=-created&perPage=20"
dropdb --if-exists --force "$PGDATABASE"; createdb "$PGDATABASE"
pid=""
stop() { [[ -n "$pid" ]] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; dropdb --if-exists --force "$PGDATABASE"' EXIT
BASALT_JAR="${JAR:-$root/target/basalt-exec.jar}" "$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" >/dev/null

start() { # label options gclog
  local jar_var="JAR_${1//[^A-Za-z0-9_]/_}"
  # shellcheck disable=SC2086 # options are a list
  BASALT_JAR="${!jar_var:-${JAR:-$root/target/basalt-exec.jar}}" JAVA_OPTS="$2 -Xlog:gc:file=$3" \
    "$root/basalt" serve --http "127.0.0.1:$port" --dir "$out/data-$1" > "$out/server-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 720); do
    curl -sf "$base/api/health" >/dev/null && return
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "server $1 did not start" >&2; tail "$out/server-$1.log"; exit 1
}
args() { # scenario -> wrk arguments in the array a
  case "$1" in
    get) a=(-s "$here/lua/by_id.lua" "$base" -- GET "$records/" p%014d $rows) ;;
    update) a=(-s "$here/lua/by_id.lua" "$base" -- PATCH "$records/" p%014d $rows) ;;
    list) a=("$base$records?$list") ;;
    list_skiptotal) a=("$base$records?$list&skipTotal=1") ;;
    create) a=(-s "$here/lua/create.lua" "$base" -- "$records" autodate) ;;
    owner_get) a=(-H "Authorization: $token" -s "$here/lua/by_id.lua" "$base" -- GET
                  /api/collections/user_posts/records/ p%014d $((rows / 100)) 100 1) ;;
    owner_list) a=(-H "Authorization: $token" "$base/api/collections/user_posts/records?$list") ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
  esac
}
# Hikari's acquire timer as "sum_seconds count" (0 0 when /metrics does not answer).
acquire() {
  curl -sf -H "Authorization: $su_token" "$base/metrics" 2>/dev/null | awk '
    /^hikaricp_connections_acquire_seconds_sum/ {s=$2} /^hikaricp_connections_acquire_seconds_count/ {c=$2}
    END {printf "%s %s\n", s+0, c+0}'
}
# GC pauses in the log from line $2 on: "count total_ms max_ms".
pauses() {
  tail -n +"$2" "$1" | awk '/Pause/ {ms=$NF; sub(/ms$/, "", ms); n++; t+=ms; if (ms + 0 > m) m = ms + 0}
    END {printf "%d %.0f %.1f\n", n, t, m}'
}
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
# CPU ticks of the JVM's threads by kind: "request jit gc" (request: Tomcat's threads and the virtual threads'
# carriers; jit: C1/C2 compiler threads; gc: G1's threads), so a run whose JIT is still compiling shows it.
threads_cpu() {
  for t in /proc/"$1"/task/*; do printf '%s %s\n' "$(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0)" \
    "$(tr ' ' _ 2>/dev/null <"$t/comm")"; done | awk '$2 ~ /^(http-nio|ForkJoinPool)/ {r+=$1}
    $2 ~ /^C[12]_Compiler/ {j+=$1} $2 ~ /^(GC_Thread|G1_)/ {g+=$1} END {printf "%d %d %d\n", r, j, g}'
}
printf 'round\tvariant\tscenario\treq/s\tp50\tp99\tjvm_us/req\treq_threads_us/req\tjit_ms\tgc_threads_ms\tgc_n\tgc_ms\tgc_max_ms\tacquire_us\tload1\n' \
  | tee "$out/results.tsv"
for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do
    label="${variant%%=*}" opts="${variant#*=}" gclog="$out/gc-${variant%%=*}-$round.log"
    start "$label" "$opts" "$gclog"
    python3 "$here/seed.py" "$base" "$SU_EMAIL" "$SU_PASSWORD" $rows >/dev/null
    su_token="$(curl -sf -X POST "$base/api/collections/_superusers/auth-with-password" -H 'Content-Type: application/json' \
      -d "{\"identity\":\"$SU_EMAIL\",\"password\":\"$SU_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
    token="$(curl -sf -X POST "$base/api/collections/users/auth-with-password" -H 'Content-Type: application/json' \
      -d '{"identity":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
    for s in $scenarios; do args "$s"; wrk -t2 -c32 -d"${warm}s" "${a[@]}" >/dev/null; done
    for s in $scenarios; do
      args "$s"
      read -r q0 n0 <<<"$(acquire)"; g0=$(($(wc -l <"$gclog") + 1)); read -r r0 j0 t0 <<<"$(threads_cpu "$pid")"
      c0=$(cpu "$pid")
      res="$(wrk -t2 -c32 -d"${secs}s" --latency "${a[@]}")"
      c1=$(cpu "$pid"); read -r r1 j1 t1 <<<"$(threads_cpu "$pid")"
      read -r gn gt gm <<<"$(pauses "$gclog" "$g0")"; read -r q1 n1 <<<"$(acquire)"
      n=$(awk '/requests in/ {print $1}' <<<"$res")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n' "$round" "$label" "$s" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$res")" "$(awk '$1=="50%" {print $2}' <<<"$res")" \
        "$(awk '$1=="99%" {print $2}' <<<"$res")" $(( (c1-c0)*10000000/${n:-1} / 1000 )) \
        $(( (r1-r0)*10000000/${n:-1} / 1000 )) $(( (j1-j0)*10 )) $(( (t1-t0)*10 )) "$gn" "$gt" "$gm" \
        "$(awk -v a="$q0" -v b="$q1" -v m="$n0" -v k="$n1" 'BEGIN {printf "%.0f", (k > m ? (b-a)/(k-m)*1e6 : 0)}')" \
        "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/results.tsv"
      grep -q "Non-2xx" <<<"$res" && grep "Non-2xx" <<<"$res" >&2
    done
    rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
    loaded=$(rss); sleep "${IDLE:-0}"
    printf '%s\t%s\trss_mb_after_load\t%s\trss_mb_after_%ss_idle\t%s\n' "$round" "$label" "$loaded" "${IDLE:-0}" "$(rss)" \
      | tee -a "$out/rss.tsv"
    stop
  done
done
python3 "$here/threads_summary.py" "$out/results.tsv" | tee "$out/summary.md"
echo "results: $out"
