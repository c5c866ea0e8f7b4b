#!/usr/bin/env bash
# Realtime benchmark (not a test): N idle SSE clients (heap, RSS) and fan-out latency to 1,000 subscribers with an
# owner-style listRule versus no rule. Everything on 127.0.0.1; every loop is bounded.
#
#   bench/realtime/run.sh [IDLE_CLIENTS] [SUBSCRIBERS] [ROUNDS]      (defaults 10000 1000 30; server heap BENCH_XMX, default 4g)
#
# BENCH_HISTO=FILE writes a class histogram of the server's heap (after a full GC) with the idle clients connected;
# BENCH_SUBSCRIBE_BATCH sends the POST /api/realtime of that many subscribers at a time (default: all at once);
# BENCH_JAR runs that jar instead of target/basalt-exec.jar; BENCH_PORT picks the port.
#
# Needs PostgreSQL on 127.0.0.1:$BENCH_PG_PORT (default 5432), user $BENCH_PG_USER (default postgres), trust auth:
# a fresh database is created for the run and dropped afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
idle="${1:-10000}"
subscribers="${2:-1000}"
rounds="${3:-30}"
port="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
db="basalt_bench_$$"
pg_user="${BENCH_PG_USER:-postgres}"
pg_port="${BENCH_PG_PORT:-5432}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

# both the server and the driver hold one descriptor per stream: raise the soft limit as far as needed (and allowed)
need_fds=$((idle + subscribers + 2000))
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt "$need_fds" ]]; then
  ulimit -n "$need_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  [[ "$(ulimit -n)" == unlimited || "$(ulimit -n)" -ge "$need_fds" ]] \
    || echo "warning: ulimit -n is $(ulimit -n), below the $need_fds descriptors this run needs" >&2
fi

psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -qc "CREATE DATABASE $db" postgres
data_dir="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -qc "DROP DATABASE IF EXISTS $db" postgres || true
  cp "$data_dir/server.log" "${TMPDIR:-/tmp}/basalt-bench-server.log" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

jar="${BENCH_JAR:-$root/target/basalt-exec.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B package -DskipTests)
export BASALT_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" BASALT_DB_USER="$pg_user"
export BASALT_METRICS_TOKEN="bench-metrics-$RANDOM$RANDOM"
"$JAVA_HOME/bin/java" -jar "$jar" superuser upsert bench@example.com bench-password-123 >/dev/null
SERVER_TOMCAT_MAXCONNECTIONS=$((idle + subscribers + 1000)) \
  "$JAVA_HOME/bin/java" -Xmx"${BENCH_XMX:-4g}" ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --http "127.0.0.1:$port" --dir "$data_dir" \
  >"$data_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 480); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$data_dir/server.log"; exit 1; }
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { tail -20 "$data_dir/server.log"; echo "no healthy server" >&2; exit 1; }
BENCH_URL="http://127.0.0.1:$port" BENCH_SERVER_PID="$server_pid" BENCH_IDLE="$idle" \
  BENCH_SUBSCRIBERS="$subscribers" BENCH_ROUNDS="$rounds" BENCH_SUBSCRIBE_BATCH="${BENCH_SUBSCRIBE_BATCH:-}" node "$here/bench.mjs"
