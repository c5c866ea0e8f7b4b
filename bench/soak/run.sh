#!/usr/bin/env bash
# Soak test (a script, not part of CI): three `basalt serve` nodes on one PostgreSQL (and optionally one Redis) behind
# nginx round robin; a fixed request rate through the balancer for N minutes. Writes per minute requests, errors,
# p50/p99 latency and RSS per node to soak.csv and draws soak.svg (bench/soak/load.py, plain Python).
#
# Usage: bench/soak/run.sh [--minutes N] [--rate R | --peak-share F] [--redis URL] [--db JDBC_URL]
#   --minutes     how long the load runs (default 10)
#   --rate        requests per second; without it the peak rate of the mix is measured with wrk for 20 s first and
#                 the load runs at --peak-share of it (default 0.8)
#   --redis       BASALT_REDIS_URL for the nodes (default: none, PostgreSQL alone)
#   --db          the PostgreSQL (default: database basalt_soak on 127.0.0.1:5432, user postgres, made afresh)
# Ports 19440 (nginx) and 19441-19443 (nodes); BASALT_JAR or target/basalt-exec.jar (built when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
minutes=10 rate="" share=0.8 redis="" db=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --peak-share) share="$2"; shift 2 ;;
    --redis) redis="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="$root/bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
lb=19440 ports=(19441 19442 19443) pids=() nginx_pid=""
cleanup() {
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

if [[ -z "${BASALT_JAR:-}" && ! -f "$root/target/basalt-exec.jar" ]]; then
  (cd "$root" && mvn -B -q -o -DskipTests package)
fi
if [[ -z "$db" ]]; then
  dropdb -h 127.0.0.1 -U postgres --if-exists --force basalt_soak && createdb -h 127.0.0.1 -U postgres basalt_soak
  db="jdbc:postgresql://127.0.0.1:5432/basalt_soak"
fi
export BASALT_DB_URL="$db" BASALT_DB_USER="${BASALT_DB_USER:-postgres}" BASALT_RATE_LIMITS_DEFAULT_ENABLED=false
if [[ -n "$redis" ]]; then export BASALT_REDIS_URL="$redis" BASALT_REDIS_PREFIX="soak-$$:"; fi

"$root/basalt" superuser upsert soak@example.com soak-password-123 --dir "$out/cli" >/dev/null
for i in 0 1 2; do
  "$root/basalt" serve --http "127.0.0.1:${ports[$i]}" --dir "$out/shared" > "$out/node$((i + 1)).log" 2>&1 &
  pids+=($!)
done
for p in "${ports[@]}"; do
  for _ in $(seq 1 480); do curl -sf "http://127.0.0.1:$p/api/health" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$p/api/health" >/dev/null || { echo "node on $p did not start" >&2; exit 1; }
done
# the JVM processes (./basalt execs java, so the pids are the nodes')
cat > "$out/nginx.conf" <<CONF
worker_processes 1;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $out/body; proxy_temp_path $out/proxy; fastcgi_temp_path $out/fcgi;
  uwsgi_temp_path $out/uwsgi; scgi_temp_path $out/scgi;
  upstream basalt { server 127.0.0.1:${ports[0]}; server 127.0.0.1:${ports[1]}; server 127.0.0.1:${ports[2]}; keepalive 64; }
  server {
    listen 127.0.0.1:$lb;
    location / { proxy_pass http://basalt; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
CONF
nginx -c "$out/nginx.conf" -p "$out" -g 'daemon off;' &
nginx_pid=$!
base="http://127.0.0.1:$lb"
for _ in $(seq 1 50); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.2; done
token="$(curl -sf -X POST "$base/api/collections/_superusers/auth-with-password" -H 'Content-Type: application/json' \
  -d '{"identity":"soak@example.com","password":"soak-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
curl -sf -X POST "$base/api/collections" -H "Authorization: $token" -H 'Content-Type: application/json' \
  -d '{"name":"soak","listRule":"","viewRule":"","createRule":"","fields":[{"name":"n","type":"number"},{"name":"body","type":"text"}]}' >/dev/null

if [[ -z "$rate" ]]; then
  peak="$(wrk -t2 -c32 -d20s -s "$here/mix.lua" "$base" | awk '/Requests\/sec/ {print $2}')"
  rate="$(python3 -c "print(round($peak * $share, 1))")"
  echo "peak of the mix: $peak req/s; soak at $share of it: $rate req/s" | tee "$out/meta.txt"
fi
{
  echo "soak: $minutes min at $rate req/s through nginx to 3 nodes; redis: ${redis:-none}; db: $db"
  echo "nodes: pids ${pids[*]}; $(nproc) cores; $(uptime)"
} | tee -a "$out/meta.txt"
python3 "$here/load.py" "$base" "$rate" "$minutes" "$out/soak.csv" "$out/soak.svg" "${pids[@]}"
echo "results in $out (soak.csv, soak.svg, meta.txt, node logs)"
