-- The same request every time: METHOD to the URL's path with a fixed JSON body (may be empty).
-- usage: wrk ... -s fixed.lua URL -- METHOD [BODY]
--   sign-in: -- POST '{"identity":"u@example.com","password":"..."}'      refresh: -- POST
function init(args)
  wrk.method = args[1] or "GET"
  if args[2] and args[2] ~= "" then
    wrk.body = args[2]
    wrk.headers["Content-Type"] = "application/json"
  end
end
