#!/usr/bin/env bash
# Backup benchmark (not a test): backup and restore time and zip size for ROWS rows in one collection plus FILES
# stored files, through the `basalt backup` command on an external PostgreSQL.
#
#   bench/backup/run.sh [ROWS] [FILES] [FILE_BYTES]      (defaults 1000000 1000 10240)
#
# Needs PostgreSQL reachable at 127.0.0.1:5432 as BENCH_PG_USER (default postgres, trust auth): a fresh database
# is created for the run and dropped afterwards. Builds target/basalt-exec.jar when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
files="${2:-1000}"
file_bytes="${3:-10240}"
db="basalt_backup_bench_$$"
pg_user="${BENCH_PG_USER:-postgres}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
psql_db() { psql -h 127.0.0.1 -U "$pg_user" -qAtX -v ON_ERROR_STOP=1 "$db" "$@"; }

psql -h 127.0.0.1 -U "$pg_user" -qc "CREATE DATABASE $db" postgres
data_dir="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U "$pg_user" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

[[ -f "$root/target/basalt-exec.jar" ]] || (cd "$root" && mvn -q -B package -DskipTests)
export BASALT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" BASALT_DB_USER="$pg_user"
"$java" -jar "$root/target/basalt-exec.jar" superuser upsert bench@example.com bench-password-123 --dir "$data_dir" >/dev/null

# The collections are created through the API (so they are real collections), the rows and files directly.
"$java" -jar "$root/target/basalt-exec.jar" serve --http "127.0.0.1:$port" --dir "$data_dir" >"$data_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/collections/_superusers/auth-with-password" \
  -H 'Content-Type: application/json' -d '{"identity":"bench@example.com","password":"bench-password-123"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
create() {
  curl -sf -X POST "http://127.0.0.1:$port/api/collections" -H "Authorization: $token" \
    -H 'Content-Type: application/json' -d "$1" >/dev/null
}
create '{"name":"items","type":"base","fields":[{"name":"title","type":"text"},{"name":"n","type":"number"},
  {"name":"flag","type":"bool"},{"name":"meta","type":"json"},{"name":"when","type":"date"}],
  "indexes":["CREATE INDEX idx_items_n ON items (n)"]}'
create '{"name":"docs","type":"base","fields":[{"name":"doc","type":"file","maxSelect":1}]}'
kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

psql_db -c "INSERT INTO items (id, title, n, flag, meta, \"when\")
  SELECT substr(md5(i::text), 1, 15), 'item number ' || i, i * 1.5, i % 2 = 0,
         jsonb_build_object('i', i, 'tag', 'bench'), now() - i * interval '1 minute'
  FROM generate_series(1, $rows) i"
docs_id=$(psql_db -c "SELECT id FROM _collections WHERE name = 'docs'")
python3 - "$data_dir/storage/$docs_id" "$files" "$file_bytes" > "$data_dir/docs.csv" <<'PY'
import os, sys, hashlib
root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(count):
    rid = hashlib.md5(f"doc{i}".encode()).hexdigest()[:15]
    name = f"file_{i:05d}.bin"
    os.makedirs(f"{root}/{rid}", exist_ok=True)
    with open(f"{root}/{rid}/{name}", "wb") as f:
        f.write(os.urandom(size))
    print(f"{rid},{name}")
PY
psql_db -c "\\copy docs (id, doc) FROM '$data_dir/docs.csv' WITH (FORMAT csv)"
db_size=$(psql_db -c "SELECT pg_size_pretty(pg_database_size('$db'))")

start=$(date +%s.%N)
create_out=$("$java" -jar "$root/target/basalt-exec.jar" backup create bench.zip --dir "$data_dir" 2>/dev/null)
backup_s=$(python3 -c "import time; print(round(time.time() - $start, 1))")
zip_bytes=$(stat -c %s "$data_dir/backups/bench.zip")

psql_db -c "DELETE FROM items WHERE n < 1000"
start=$(date +%s.%N)
restore_out=$("$java" -jar "$root/target/basalt-exec.jar" backup restore bench.zip --dir "$data_dir" 2>/dev/null)
restore_s=$(python3 -c "import time; print(round(time.time() - $start, 1))")
restored_rows=$(psql_db -c "SELECT count(*) FROM items")
restored_files=$(find "$data_dir/storage" -type f | wc -l)

echo
echo "rows: $rows (database $db_size), files: $files x $file_bytes bytes"
echo "$create_out"
echo "$restore_out"
echo "backup create (command, JVM start included): ${backup_s} s, zip $(python3 -c "print(round($zip_bytes / 1048576, 1))") MiB"
echo "backup restore (command, JVM start included): ${restore_s} s, rows after restore: $restored_rows, files: $restored_files"
