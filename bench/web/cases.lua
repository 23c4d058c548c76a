-- wrk script for ./dev bench web: GET /api/v1/cases with the session cookie, rotating over the
-- filters an officer uses (each answered by its own index; see docs/benchmarks.md).
local paths = {
  "/api/v1/cases?state=invited",
  "/api/v1/cases?track=autoluw&state=reminded",
  "/api/v1/cases?track=overlast",
  "/api/v1/cases?due_before=2025-06-01",
  "/api/v1/cases",
}
local cookie = os.getenv("HH_COOKIE")
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookie })
end
-- Answers other than 2xx/3xx are reported: a bench of 401s would measure nothing.
done = function(summary, latency, requests)
  io.write(string.format("non-2xx: %d\n", summary.errors.status))
  io.write(string.format("p99-us: %d\n", latency:percentile(99)))
  io.write(string.format("requests: %d\n", summary.requests))
end
