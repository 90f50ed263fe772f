function request()
  return wrk.format("POST", os.getenv("BENCH_PATH"),
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")},
    '{"name":"Ada","items":[1,2,3]}')
end
