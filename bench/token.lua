-- One pre-signed assertion per request: each wrk thread walks its own stripe of the file.
local assertions = {}
for line in io.lines(os.getenv("BENCH_ASSERTIONS")) do assertions[#assertions + 1] = line end
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local index = 0
local prefix = "grant_type=client_credentials&scope=okta.workflows.invoke.manage"
  .. "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion="
function init(args)
  stride = tonumber(os.getenv("BENCH_THREADS"))
end
function request()
  local i = offset + 1 + index * stride
  index = index + 1
  if i > #assertions then i = (i - 1) % #assertions + 1 end
  return wrk.format("POST", os.getenv("BENCH_PATH"),
    {["Content-Type"] = "application/x-www-form-urlencoded"}, prefix .. assertions[i])
end
