-- POST a new post as JSON (title, body, views, published, created).
-- usage: wrk ... -s create.lua URL -- PATH [plain|parse|autodate]
--   plain: "created" as an ISO string; parse: as {"__type":"Date","iso":...}; autodate: left out (Basalt's
--   "created" is an autodate field the server sets, and refuses from a client)
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args)
  path = args[1] or "/"
  style = args[2] or "plain"
  wrk.headers["Content-Type"] = "application/json"
  math.randomseed(777 + 1000 * (tid or 0))
  n = 0
end
function request()
  n = n + 1
  local created = '"2025-06-01T12:00:00.000Z"'
  if style == "parse" then created = '{"__type":"Date","iso":"2025-06-01T12:00:00.000Z"}' end
  local body = string.format(
    '{"title":"Bench post %d-%d","body":"Created by wrk load test, thread %d request %d.","views":%d,"published":%s',
    tid or 0, n, tid or 0, n, math.random(0, 999), (n % 2 == 0) and "true" or "false")
  if style == "autodate" then body = body .. '}' else body = body .. ',"created":' .. created .. '}' end
  return wrk.format("POST", path, nil, body)
end
