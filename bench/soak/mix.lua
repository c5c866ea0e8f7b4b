-- wrk: the soak mix (80 % reads of a page of `soak`, 20 % creates), to find the peak rate.
local n = 0
request = function()
  n = n + 1
  if n % 5 == 0 then
    return wrk.format("POST", "/api/collections/soak/records", {["Content-Type"] = "application/json"},
      '{"n":' .. n .. ',"body":"peak"}')
  end
  return wrk.format("GET", "/api/collections/soak/records?perPage=20&skipTotal=1")
end
