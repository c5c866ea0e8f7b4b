#!/usr/bin/env bash
# A/B of two Basalt builds on the request path, side by side in ONE run (not a test): both jars serve the same
# external database (one at a time, alternating rounds), wrk drives get, update and list (SCENARIOS="get update
# list create" picks them); optional JFR on both.
#
#   bench/ab_requests.sh OLD.jar NEW.jar [ROUNDS] [SECONDS]      # ROUNDS default 3, SECONDS default 8
#   JFR=1 bench/ab_requests.sh OLD.jar NEW.jar                   # also records bench/results/ab-*/{a,b}.jfr
#   SCENARIOS="get owner_get list_skiptotal owner_list" bench/ab_requests.sh ...   # default: get update list
#   A_JAVA_OPTS=... B_JAVA_OPTS=...   JVM options of one side only (e.g. the same jar twice, one setting apart)
#
# Per round and scenario it prints req/s, p99 and the CPU µs per request of the JVM and of PostgreSQL (whole
# cluster in PGDATA_DIR, when given), plus the load average. Ports: BASE_PORT (default 19800); PGPORT picks the
# PostgreSQL on 127.0.0.1 (default 5432, user postgres, trust). START_TRIES: half-seconds to wait for a server start
# (default 240). A_LAUNCHER: the launcher script for the old jar (default ./basalt), e.g. a copy of an older one to
# compare its JVM defaults.
# A_ENV / B_ENV: VAR=value words for that side's launcher (e.g. B_ENV=BASALT_JS_COMPILER=on, to compare
# options of one jar: pass the same jar twice); A_HOOKS / B_HOOKS: a JS hooks directory for that side (e.g.
# bench/hooks/noop). Each start's seconds to a healthy server and the RSS after the round go to starts.tsv.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
a="$(readlink -f "$1")" b="$(readlink -f "$2")" rounds="${3:-3}" secs="${4:-8}"
port="${BASE_PORT:-19800}" rows=10000
out="$here/results/ab-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$out"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-5432}" PGUSER=postgres PGDATABASE=basalt_ab_$port
export BASALT_RATE_LIMITS_DEFAULT_ENABLED=false BASALT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" BASALT_DB_USER=postgres
SU_EMAIL=bench-admin@example.com SU_PASSWORD=bench-admin-password-123
dropdb --if-exists --force "$PGDATABASE"; createdb "$PGDATABASE"
pid=""
stop() { [[ -n "$pid" ]] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; dropdb --if-exists --force "$PGDATABASE"' EXIT
start() { # jar label
  local jfr="" side_env="" hooks="" t0=$SECONDS
  [[ "${JFR:-0}" == 1 ]] && jfr="-XX:StartFlightRecording=settings=profile,filename=$out/$2.jfr,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256"
  local launcher="$root/basalt"
  [[ "$2" == a && -n "${A_LAUNCHER:-}" ]] && launcher="$A_LAUNCHER"
  local side_opts="${A_JAVA_OPTS:-}"; [[ "$2" == b ]] && side_opts="${B_JAVA_OPTS:-}"
  case "$2" in a) side_env="${A_ENV:-}" hooks="${A_HOOKS:-}" ;; b) side_env="${B_ENV:-}" hooks="${B_HOOKS:-}" ;; esac
  # shellcheck disable=SC2086 # side_env is a list of VAR=value words
  env $side_env BASALT_JAR="$1" JAVA_OPTS="$jfr $side_opts" "$launcher" serve --http "127.0.0.1:$port" \
    --dir "$out/data-$2" ${hooks:+--hooksDir "$(readlink -f "$hooks")"} > "$out/server-$2.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 "${START_TRIES:-240}"); do
    curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && { started=$((SECONDS - t0)); token="$(user_token || true)"; return; }
    sleep 0.5
  done
  echo "server $2 did not start" >&2; tail "$out/server-$2.log"; exit 1
}
# A token of the bench user (owner of every 100th row of user_posts), for the owner_* scenarios.
user_token() {
  curl -sf -X POST "http://127.0.0.1:$port/api/collections/users/auth-with-password" -H 'Content-Type: application/json' \
    -d '{"identity":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
token=""
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
# PostgreSQL CPU: the postmaster of PGDATA_DIR (its reaped children included) and its live backends; else 0.
pgcpu() {
  local pm t=0; pm="$(head -1 "${PGDATA_DIR:-/nonexistent}/postmaster.pid" 2>/dev/null)" || { echo 0; return; }
  t=$(awk '{print $14+$15+$16+$17}' "/proc/$pm/stat")
  for p in $(pgrep -P "$pm"); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo $t
}
run() { # label scenario
  local base="http://127.0.0.1:$port" r="/api/collections/posts/records" args
  case "$2" in
    get) args=(-s "$here/lua/by_id.lua" "$base" -- GET "$r/" p%014d $rows) ;;
    update) args=(-s "$here/lua/by_id.lua" "$base" -- PATCH "$r/" p%014d $rows) ;;
    list) args=("$base$r?filter=views%3E500&sort=-created&perPage=20") ;;
    list_skiptotal) args=("$base$r?filter=views%3E500&sort=-created&perPage=20&skipTotal=1") ;;
    create) args=(-s "$here/lua/create.lua" "$base" -- "$r" autodate) ;;
    owner_get) args=(-H "Authorization: $token" -s "$here/lua/by_id.lua" "$base" -- GET
                     /api/collections/user_posts/records/ p%014d $((rows / 100)) 100 1) ;;
    owner_list) args=(-H "Authorization: $token" "$base/api/collections/user_posts/records?filter=views%3E500&sort=-created&perPage=20") ;;
  esac
  local c0 p0 res; c0=$(cpu "$pid"); p0=$(pgcpu)
  res="$(wrk -t2 -c32 -d"${secs}s" --latency "${args[@]}")"
  local c1 p1 n rps p99; c1=$(cpu "$pid"); p1=$(pgcpu)
  n=$(awk '/requests in/ {print $1}' <<<"$res"); rps=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
  p99=$(awk '$1=="99%" {print $2}' <<<"$res")
  printf '%s\t%s\t%s\t%s\t%d\t%d\t%s\n' "$1" "$2" "$rps" "$p99" $(( (c1-c0)*10000000/${n:-1} / 1000 )) \
    $(( (p1-p0)*10000000/${n:-1} / 1000 )) "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/results.tsv"
}
BASALT_JAR="$a" "$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" >/dev/null
start "$a" seed; python3 "$here/seed.py" "http://127.0.0.1:$port" "$SU_EMAIL" "$SU_PASSWORD" $rows >/dev/null; stop
printf 'build\tscenario\treq/s\tp99\tjvm_us/req\tpg_us/req\tload1\n' | tee "$out/results.tsv"
for round in $(seq 1 "$rounds"); do
  for x in a b; do
    jar=$a; [[ $x == b ]] && jar=$b
    start "$jar" "$x"
    wrk -t2 -c32 -d"${secs}s" -s "$here/lua/by_id.lua" "http://127.0.0.1:$port" -- GET /api/collections/posts/records/ p%014d $rows >/dev/null
    wrk -t2 -c32 -d"${secs}s" -s "$here/lua/by_id.lua" "http://127.0.0.1:$port" -- PATCH /api/collections/posts/records/ p%014d $rows >/dev/null
    for s in ${SCENARIOS:-get update list}; do   # a warm-up run of each other scenario (discarded)
      [[ "$s" == get || "$s" == update ]] || run "$x-warm" "$s" >/dev/null
    done
    for s in ${SCENARIOS:-get update list}; do run "$x" "$s"; done
    printf '%s\t%s\t%s\t%s\n' "$x" "$round" "$started" "$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")" \
      >> "$out/starts.tsv"
    stop
  done
done
echo "results: $out"
