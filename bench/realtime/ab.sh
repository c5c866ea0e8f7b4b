#!/usr/bin/env bash
# A/B fan-out benchmark (not a test): two builds run side by side as two nodes of one cluster on one fresh database,
# and the driver (ab.mjs) alternates the fan-out phases between them (A B, then B A, ...), so both builds are
# measured under the same machine load. Subscribers connect to one node at a time; the other node only receives
# the change signal and finds no subscriber.
#
#   bench/realtime/ab.sh OLD_JAR NEW_JAR [SUBSCRIBERS] [CHANGES] [AB_ROUNDS]     (defaults 1000 30 3)
#
# BENCH_PORT_A / BENCH_PORT_B pick the ports (default 18101 / 18102); BENCH_JAVA_OPTS_A / _B add JVM options
# (e.g. -XX:StartFlightRecording=filename=a.jfr); server heap BENCH_XMX (default 2g). Needs PostgreSQL on 127.0.0.1:$BENCH_PG_PORT
# (default 5432), user $BENCH_PG_USER (default postgres), trust auth: the database is dropped afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
old_jar="$1"
new_jar="$2"
subscribers="${3:-1000}"
changes="${4:-30}"
ab_rounds="${5:-3}"
port_a="${BENCH_PORT_A:-18101}"
port_b="${BENCH_PORT_B:-18102}"
db="basalt_ab_$$"
pg_user="${BENCH_PG_USER:-postgres}"
pg_port="${BENCH_PG_PORT:-5432}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
need_fds=$((2 * subscribers + 2000))
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt "$need_fds" ]]; then
  ulimit -n "$need_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi

psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -qc "CREATE DATABASE $db" postgres
dir_a="$(mktemp -d)"
dir_b="$(mktemp -d)"
pid_a=""
pid_b=""
cleanup() {
  for pid in $pid_a $pid_b; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $pid_a $pid_b; do wait "$pid" 2>/dev/null || true; done
  psql -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -qc "DROP DATABASE IF EXISTS $db" postgres || true
  cp "$dir_a/server.log" "${TMPDIR:-/tmp}/basalt-ab-a.log" 2>/dev/null || true
  cp "$dir_b/server.log" "${TMPDIR:-/tmp}/basalt-ab-b.log" 2>/dev/null || true
  rm -rf "$dir_a" "$dir_b"
}
trap cleanup EXIT

export BASALT_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" BASALT_DB_USER="$pg_user" BASALT_AOT=off
export BASALT_METRICS_TOKEN="bench-metrics-$RANDOM$RANDOM"
"$JAVA_HOME/bin/java" -jar "$old_jar" superuser upsert bench@example.com bench-password-123 >/dev/null

start() { # jar port dir opts
  SERVER_TOMCAT_MAXCONNECTIONS=$((subscribers + 1000)) \
    "$JAVA_HOME/bin/java" -Xmx"${BENCH_XMX:-2g}" $4 -jar "$1" serve --http "127.0.0.1:$2" --dir "$3" \
    >"$3/server.log" 2>&1 &
}
healthy() { # pid port dir
  for _ in $(seq 1 480); do
    kill -0 "$1" 2>/dev/null || { tail -20 "$3/server.log"; exit 1; }
    curl -sf "http://127.0.0.1:$2/api/health" >/dev/null && return 0
    sleep 0.5
  done
  tail -20 "$3/server.log"; echo "no healthy server on $2" >&2; exit 1
}
start "$old_jar" "$port_a" "$dir_a" "${BENCH_JAVA_OPTS_A:-}"; pid_a=$!
healthy "$pid_a" "$port_a" "$dir_a"
start "$new_jar" "$port_b" "$dir_b" "${BENCH_JAVA_OPTS_B:-}"; pid_b=$!
healthy "$pid_b" "$port_b" "$dir_b"
BENCH_URLS="http://127.0.0.1:$port_a,http://127.0.0.1:$port_b" BENCH_PIDS="$pid_a,$pid_b" BENCH_LABELS="old,new" \
  BENCH_SUBSCRIBERS="$subscribers" BENCH_ROUNDS="$changes" BENCH_AB_ROUNDS="$ab_rounds" node "$here/ab.mjs"
