-- One pre-signed assertion per request: each wrk thread walks its own stripe of the file. The
-- requests are formatted once, at the start, so that wrk spends its share of the two cores on
-- sending them rather than on building them.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local requests = {}
local index = 0
function init(args)
  local stride = tonumber(os.getenv("BENCH_THREADS"))
  local path = os.getenv("BENCH_PATH")
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}
  local prefix = "grant_type=client_credentials&scope=okta.workflows.invoke.manage"
    .. "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion="
  local line = 0
  for assertion in io.lines(os.getenv("BENCH_ASSERTIONS")) do
    if line % stride == offset then
      requests[#requests + 1] = wrk.format("POST", path, headers, prefix .. assertion)
    end
    line = line + 1
  end
end
function request()
  index = index % #requests + 1
  return requests[index]
end
