-- The HTTP stack's ceiling: the cheapest route, GET /health/live.
function request()
  return wrk.format("GET", os.getenv("BENCH_PATH"))
end
