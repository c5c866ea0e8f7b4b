#!/usr/bin/env bash
# Profiles Basalt's read scenarios one at a time (not a test): one server on an external database (10,000 seeded
# rows), a JIT warm-up, then per scenario a JFR recording (settings=profile, stack depth 256) of S seconds of
# wrk -t2 -c32 load, with req/s, p99, the JVM's CPU µs per request and the load average.
#
#   bench/profile_reads.sh JAR [SECONDS] [SCENARIOS]    # default 20 s; get,owner_get,list_skiptotal,list,owner_list
#
# Recordings: bench/results/profile-<time>/<scenario>.jfr; read them with bench/jfr_split.py. With ASYNC_PROFILER=
# path of libasyncProfiler.so (Maven Central: tools.profiler:async-profiler, classifier linux-x64), async-profiler's
# CPU profile instead (perf events: every thread, GC and JIT and kernel time included), <scenario>.collapsed, read by
# bench/jfr_split.py too. PORT (default 18500),
# PGPORT (default 5432, user postgres, trust), JAVA_OPTS (added to the launcher's), WARM (JIT warm-up s, default 15).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$(readlink -f "$1")" secs="${2:-20}" scenarios="${3:-get,owner_get,list_skiptotal,list,owner_list}"
port="${PORT:-18500}" rows=10000 warm="${WARM:-15}"
out="$here/results/profile-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$out"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-5432}" PGUSER=postgres PGDATABASE=basalt_profile_$port
export BASALT_RATE_LIMITS_DEFAULT_ENABLED=false BASALT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
export BASALT_DB_USER=postgres BASALT_AOT=off BASALT_JAR="$jar"
SU_EMAIL=bench-admin@example.com SU_PASSWORD=bench-admin-password-123
jcmd="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd"
dropdb --if-exists --force "$PGDATABASE"; createdb "$PGDATABASE"
pid=""
trap '[[ -n "$pid" ]] && { kill -TERM "$pid"; wait "$pid" || true; }; dropdb --if-exists --force "$PGDATABASE"' EXIT
"$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" >/dev/null
JAVA_OPTS="-XX:FlightRecorderOptions=stackdepth=256 ${JAVA_OPTS:-}" \
  "$root/basalt" serve --http "127.0.0.1:$port" --dir "$out/data" > "$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 480); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.5; done
base="http://127.0.0.1:$port"
python3 "$here/seed.py" "$base" "$SU_EMAIL" "$SU_PASSWORD" $rows >/dev/null
token="$(curl -sf -X POST "$base/api/collections/users/auth-with-password" -H 'Content-Type: application/json' \
  -d '{"identity":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
list="filter=views%3E500&sort=-created&perPage=20"
args() { # scenario -> wrk arguments in the array a (wrk needs "Name: value" with the space)
  case "$1" in
    get) a=(-s "$here/lua/by_id.lua" "$base" -- GET /api/collections/posts/records/ p%014d $rows) ;;
    owner_get) a=(-H "Authorization: $token" -s "$here/lua/by_id.lua" "$base" -- GET /api/collections/user_posts/records/ p%014d $((rows / 100)) 100 1) ;;
    list) a=("$base/api/collections/posts/records?$list") ;;
    list_skiptotal) a=("$base/api/collections/posts/records?$list&skipTotal=1") ;;
    owner_list) a=(-H "Authorization: $token" "$base/api/collections/user_posts/records?$list") ;;
    notfound) a=("$base/api/nothing-here") ;;
    health) a=("$base/api/health") ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
  esac
}
for s in ${scenarios//,/ }; do
  args "$s"; wrk -t2 -c32 -d"${warm}s" "${a[@]}" >/dev/null
done
printf 'scenario\treq/s\tp50\tp99\tjvm_us/req\tload1\trequests\n' | tee "$out/results.tsv"
for s in ${scenarios//,/ }; do
  if [[ -n "${ASYNC_PROFILER:-}" ]]; then
    "$jcmd" "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=cpu,interval=1ms,threads,cstack=vm\"" >/dev/null
  else
    "$jcmd" "$pid" JFR.start name=p settings=profile >/dev/null
  fi
  c0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  args "$s"; res="$(wrk -t2 -c32 -d"${secs}s" --latency "${a[@]}")"
  c1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  if [[ -n "${ASYNC_PROFILER:-}" ]]; then
    "$jcmd" "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,file=$out/$s.collapsed,collapsed\"" >/dev/null
  else
    "$jcmd" "$pid" JFR.stop name=p filename="$out/$s.jfr" >/dev/null
  fi
  n=$(awk '/requests in/ {print $1}' <<<"$res")
  printf '%s\t%s\t%s\t%s\t%d\t%s\t%s\n' "$s" "$(awk '/Requests\/sec/ {print $2}' <<<"$res")" \
    "$(awk '$1=="50%" {print $2}' <<<"$res")" "$(awk '$1=="99%" {print $2}' <<<"$res")" \
    $(( (c1-c0)*10000000/${n:-1} / 1000 )) "$(cut -d' ' -f1 /proc/loadavg)" "$n" | tee -a "$out/results.tsv"
  grep -q "Non-2xx" <<<"$res" && grep "Non-2xx" <<<"$res"
done
echo "results: $out"
