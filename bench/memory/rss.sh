#!/usr/bin/env bash
# Basalt's resident memory under load and after it, with and without the launcher's JVM defaults (not a test).
#
#   bench/memory/rss.sh          # about 5 minutes: two runs, one table
#
# Each run starts target/basalt-exec.jar on a fresh database basalt_rss (PostgreSQL on $BENCH_PG, default
# 127.0.0.1:5432, user postgres, trust), creates a public collection, then runs wrk: creates for LOAD_S seconds and
# lists for LOAD_S seconds (32 connections), sampling the JVM's RSS every second; then it waits IDLE_S seconds and
# reads RSS again. Run "jvm-defaults" is `java -jar` with no options (the JVM's own heap limit, a quarter of RAM);
# run "launcher" uses the options ./basalt adds (BASALT_HEAP etc.).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
pg="${BENCH_PG:-127.0.0.1:5432}" port=18091 load_s="${LOAD_S:-30}" idle_s="${IDLE_S:-60}"
export PGHOST="${pg%:*}" PGPORT="${pg##*:}" PGUSER=postgres
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
launcher_opts="$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$root/basalt" | sed 's/\${BASALT_HEAP:-\([^}]*\)}/\1/')"
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

run() {
  local label="$1" opts="$2" base="http://127.0.0.1:$port" peak=0 pid sampler
  dropdb --if-exists --force basalt_rss && createdb basalt_rss
  export BASALT_DB_URL="jdbc:postgresql://$pg/basalt_rss" BASALT_DB_USER=postgres
  # shellcheck disable=SC2086
  "$java" $opts -jar "$root/target/basalt-exec.jar" superuser upsert rss@example.com rss-password-123 >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$java" $opts -jar "$root/target/basalt-exec.jar" serve --http "127.0.0.1:$port" > "/tmp/basalt-rss-$label.log" 2>&1 &
  pid=$!
  until curl -sf "$base/api/health" >/dev/null; do sleep 0.5; done
  local start_rss; start_rss="$(rss_mb "$pid")"
  local token; token="$(curl -sf -X POST "$base/api/collections/_superusers/auth-with-password" \
    -H 'Content-Type: application/json' -d '{"identity":"rss@example.com","password":"rss-password-123"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  curl -sf -X POST "$base/api/collections" -H "Authorization: $token" -H 'Content-Type: application/json' -d \
    '{"name":"posts","listRule":"","viewRule":"","createRule":"","fields":[{"name":"title","type":"text"},{"name":"body","type":"text"},{"name":"views","type":"number"},{"name":"published","type":"bool"}]}' >/dev/null
  ( while kill -0 "$pid" 2>/dev/null; do rss_mb "$pid"; echo; sleep 1; done ) > "/tmp/basalt-rss-$label.samples" &
  sampler=$!
  wrk -t2 -c32 -d"${load_s}s" -s "$root/bench/lua/create.lua" "$base" -- /api/collections/posts/records autodate >/dev/null
  wrk -t2 -c32 -d"${load_s}s" "$base/api/collections/posts/records?perPage=100" >/dev/null
  peak="$(sort -n "/tmp/basalt-rss-$label.samples" | tail -1)"
  sleep "$idle_s"
  local idle_rss; idle_rss="$(rss_mb "$pid")"
  kill "$sampler" 2>/dev/null || true
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  printf '| %s | `%s` | %s | %s | %s |\n' "$label" "${opts:-none}" "$start_rss" "$peak" "$idle_rss"
}

echo "| run | JVM options | RSS after start (MB) | peak RSS under load (MB) | RSS after ${idle_s} s idle (MB) |"
echo "|---|---|---|---|---|"
run jvm-defaults ""
run launcher "$launcher_opts"
dropdb --if-exists --force basalt_rss
