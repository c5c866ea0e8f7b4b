# The peers' side of bench/run.sh (sourced): Directus and Parse Server from ../shared/peers, when they run.
# They hold the same 10,000 rows (reseeded before and after each peer) and get the same load as Basalt:
# get, list (no total: the peers do not count by default), create, update; public permissions.
# Uses: root, out, measure(), scenarios.

PEERS_SCRIPTS="${PEERS_SCRIPTS:-$(cd "$root/.." && pwd)/shared/peers}"
PEERS="${PEERS:-/tmp/basalt-peers}"

# Runs one peer's scenarios: peer, health URL, pid file, database, seed file, base URL, header, get prefix, id format,
# list path, create path, create style, update method.
peer_bench() {
  local peer="$1" health="$2" pidfile="$3" db="$4" seed="$5" base="$6" header="$7" prefix="$8" fmt="$9"
  local list="${10}" create="${11}" style="${12}" update="${13}"
  if ! curl -sf -o /dev/null "$health"; then echo "== $peer is not running ($health): skipped"; return 0; fi
  local pg=(-h 127.0.0.1 -p 55432 -U postgres -d "$db" -q -X)
  psql "${pg[@]}" -f "$PEERS_SCRIPTS/$seed" >/dev/null
  echo "== $peer (10000 rows)"
  local m=(--system "$peer" --setup external --rows 10000 --pid "$(cat "$pidfile")")
  for s in ${scenarios//,/ }; do
    case "$s" in
      get) measure "${m[@]}" --scenario get -- -H "$header" -s "$here/lua/by_id.lua" "$base" -- GET "$prefix" "$fmt" 10000 ;;
      list) measure "${m[@]}" --scenario list -- -H "$header" "$base$list" ;;
      update) measure "${m[@]}" --scenario update -- -H "$header" -s "$here/lua/by_id.lua" "$base" -- "$update" "$prefix" "$fmt" 10000 ;;
      create) measure "${m[@]}" --scenario create -- -H "$header" -s "$here/lua/create.lua" "$base" -- "$create" "$style" ;;
    esac
  done
  psql "${pg[@]}" -f "$PEERS_SCRIPTS/$seed" >/dev/null
}

peers_bench() {
  if [[ ! -d "$PEERS_SCRIPTS" ]]; then echo "== no peers scripts in $PEERS_SCRIPTS: peers skipped"; return 0; fi
  peer_bench directus http://127.0.0.1:8055/server/ping "$PEERS/directus/directus.pid" directus seed_posts.sql \
    http://127.0.0.1:8055 "Accept: application/json" /items/posts/ %d \
    '/items/posts?filter%5Bviews%5D%5B_gt%5D=500&sort=-created&limit=20' /items/posts directus PATCH
  peer_bench parse http://127.0.0.1:1337/parse/health "$PEERS/parse/parse.pid" parse seed_parse_posts.sql \
    http://127.0.0.1:1337 "X-Parse-Application-Id: benchapp" /parse/classes/posts/ p%09d \
    '/parse/classes/posts?where=%7B%22views%22%3A%7B%22%24gt%22%3A500%7D%7D&order=-created&limit=20' \
    /parse/classes/posts parse PUT
}
