# Basalt's side of bench/run.sh (sourced): start and stop the server, and its scenarios.
# Uses: root, here, out, port, label, measure(); sets BASE, BASALT_PID, SU_EMAIL, SU_PASSWORD and PG* (for psql).

SU_EMAIL=bench-admin@example.com
SU_PASSWORD=bench-admin-password-123
BENCH_USER='{"identity":"bench@example.com","password":"bench-password-123"}'
BASALT_PID=""
# The external setup's database (BENCH_DB, default basalt_bench): dropped and created afresh, so runs side by side
# on one PostgreSQL need different names.
BENCH_DB="${BENCH_DB:-basalt_bench}"

# Starts Basalt on 127.0.0.1:$port with an embedded or an external PostgreSQL and a superuser; waits for /api/health.
basalt_start() {
  local setup="$1"
  BASE="http://127.0.0.1:$port"
  local dir="$out/data-$setup"
  mkdir -p "$dir"
  export BASALT_RATE_LIMITS_DEFAULT_ENABLED=false   # the sign-in scenario would hit the default auth rate limit
  unset BASALT_DB_URL BASALT_DB_USER PGPASSWORD
  if [[ "$setup" == external ]]; then
    local pg="${BENCH_PG:-}"
    if [[ -z "$pg" ]]; then
      pg_isready -q -h 127.0.0.1 -p 55432 && pg=127.0.0.1:55432 || pg=127.0.0.1:5432
    fi
    export PGHOST="${pg%:*}" PGPORT="${pg##*:}" PGUSER=postgres PGDATABASE="$BENCH_DB"
    dropdb --if-exists --force "$BENCH_DB" && createdb "$BENCH_DB"
    export BASALT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" BASALT_DB_USER=postgres
    "$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" >/dev/null
  fi
  "$root/basalt" serve --http "127.0.0.1:$port" --dir "$dir" ${hooks:+--hooksDir "$hooks"} > "$out/server-$setup.log" 2>&1 &
  BASALT_PID=$!
  for _ in $(seq 1 720); do   # up to 6 min: a start on a saturated machine has taken over 2
    kill -0 "$BASALT_PID" 2>/dev/null || { tail -20 "$out/server-$setup.log"; echo "Basalt did not start" >&2; exit 1; }
    curl -sf "$BASE/api/health" >/dev/null && break
    sleep 0.5
  done
  curl -sf "$BASE/api/health" >/dev/null || { tail -20 "$out/server-$setup.log"; echo "Basalt did not answer" >&2; exit 1; }
  if [[ "$setup" == embedded ]]; then
    "$root/basalt" superuser upsert "$SU_EMAIL" "$SU_PASSWORD" --dir "$dir" >/dev/null
    export PGHOST=127.0.0.1 PGPORT="$(sed -n 4p "$dir/pg/postmaster.pid")" PGUSER=postgres PGDATABASE=postgres
    export PGPASSWORD="$(cat "$dir/pg.password")"   # the embedded PostgreSQL asks for its password
  fi
  echo "$label $setup: pid $BASALT_PID, $(readlink -f "/proc/$BASALT_PID/exe"), PostgreSQL $PGHOST:$PGPORT/$PGDATABASE ($(psql -XAtc 'show server_version'))" | tee -a "$out/meta.txt"
}

basalt_stop() {
  kill -TERM "$BASALT_PID" 2>/dev/null || true
  wait "$BASALT_PID" 2>/dev/null || true
  BASALT_PID=""
  if [[ "${PGDATABASE:-}" == "$BENCH_DB" ]]; then dropdb --if-exists --force "$BENCH_DB"; fi
  rm -rf "$out"/data-*
}
trap '[[ -n "$BASALT_PID" ]] && basalt_stop' EXIT

# A token of the bench user (owner of every 100th row of user_posts).
user_token() {
  curl -sf -X POST "$BASE/api/collections/users/auth-with-password" -H 'Content-Type: application/json' \
    -d "$BENCH_USER" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# Warms the JIT after a start: on 2 cores the JVM needs about a minute of load before its throughput settles (a
# 10 s warm-up alone measured GET at a third of its steady rate). Runs the read scenarios for $jit_warmup s each.
basalt_warm_jit() {
  local rows="$1" token
  token="$(user_token)"
  echo "   JIT warm-up: ${jit_warmup} s per read scenario"
  local w=(wrk -t2 "-c$connections" "-d${jit_warmup}s")
  "${w[@]}" -s "$here/lua/by_id.lua" "$BASE" -- GET /api/collections/posts/records/ p%014d "$rows" >/dev/null
  "${w[@]}" "$BASE/api/collections/posts/records?filter=views%3E500&sort=-created&perPage=20" >/dev/null
  "${w[@]}" -H "Authorization: $token" "$BASE/api/collections/user_posts/records?filter=views%3E500&sort=-created&perPage=20" >/dev/null
  "${w[@]}" -H "Authorization: $token" -s "$here/lua/fixed.lua" "$BASE/api/collections/users/auth-refresh" -- POST >/dev/null
}

# Runs the selected scenarios against the running Basalt, seeded with $2 rows.
basalt_scenarios() {
  local setup="$1" rows="$2" token list="filter=views%3E500&sort=-created&perPage=20"
  token="$(user_token)"
  local m=(--system "$label" --setup "$setup" --rows "$rows" --pid "$BASALT_PID")
  local records="/api/collections/posts/records" owned="/api/collections/user_posts/records"
  for s in ${scenarios//,/ }; do
    case "$s" in
      get) measure "${m[@]}" --scenario get -- -s "$here/lua/by_id.lua" "$BASE" -- GET "$records/" p%014d "$rows" ;;
      list) measure "${m[@]}" --scenario list -- "$BASE$records?$list" ;;
      list_skiptotal) measure "${m[@]}" --scenario list_skiptotal -- "$BASE$records?$list&skipTotal=1" ;;
      owner_get) measure "${m[@]}" --scenario owner_get -- -H "Authorization: $token" -s "$here/lua/by_id.lua" "$BASE" \
                   -- GET "$owned/" p%014d $((rows / 100)) 100 1 ;;
      owner_list) measure "${m[@]}" --scenario owner_list -- -H "Authorization: $token" "$BASE$owned?$list" ;;
      update) measure "${m[@]}" --scenario update -- -s "$here/lua/by_id.lua" "$BASE" -- PATCH "$records/" p%014d "$rows" ;;
      auth_password) measure "${m[@]}" --scenario auth_password -- -s "$here/lua/fixed.lua" \
                       "$BASE/api/collections/users/auth-with-password" -- POST "$BENCH_USER" ;;
      auth_refresh) measure "${m[@]}" --scenario auth_refresh -- -H "Authorization: $token" -s "$here/lua/fixed.lua" \
                      "$BASE/api/collections/users/auth-refresh" -- POST ;;
      create) measure "${m[@]}" --scenario create -- -s "$here/lua/create.lua" "$BASE" -- "$records" autodate ;;
      *) echo "unknown scenario $s" >&2; exit 2 ;;
    esac
  done
}
