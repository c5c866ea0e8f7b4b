-- One request per call on a random record id: GET (read) or PATCH/PUT (update with a random "views").
-- usage: wrk ... -s by_id.lua URL -- METHOD PREFIX FORMAT COUNT [STEP] [OFFSET]
--   the id is FORMAT applied to OFFSET + STEP * k, k random in 0..COUNT-1 (STEP default 1, OFFSET default 1)
--   Basalt: -- GET /api/collections/posts/records/ p%014d 10000
--   Directus: -- PATCH /items/posts/ %d 10000        Parse: -- GET /parse/classes/posts/ p%09d 10000
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args)
  method = args[1] or "GET"
  prefix = args[2] or "/"
  fmt = args[3] or "%d"
  count = tonumber(args[4] or "10000")
  step = tonumber(args[5] or "1")
  offset = tonumber(args[6] or "1")
  math.randomseed(12345 + 1000 * (tid or 0))
  if method ~= "GET" then wrk.headers["Content-Type"] = "application/json" end
end
function request()
  local path = prefix .. string.format(fmt, offset + step * math.random(0, count - 1))
  if method == "GET" then return wrk.format("GET", path) end
  return wrk.format(method, path, nil, string.format('{"views":%d}', math.random(0, 999)))
end
