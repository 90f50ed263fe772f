-- An OAuth 2.0 invocation with one reused token. With BENCH_PAUSE_MS each connection waits that
-- long before its next request, for a rate below the peak.
local pause = tonumber(os.getenv("BENCH_PAUSE_MS") or "0")
function request()
  return wrk.format("POST", os.getenv("BENCH_PATH"),
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")},
    '{"name":"Ada","items":[1,2,3]}')
end
if pause > 0 then
  function delay()
    return pause
  end
end
