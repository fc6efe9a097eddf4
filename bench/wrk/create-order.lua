-- wrk: POST order/create (or the empty app's /order) with one JSON order on the bench route:
-- its wallet (toValues) and e-mail (routeValues), as a shop plug-in sends them.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format(
  '{"routeId":"%s","amount":2,"toValues":[{"key":"%s","value":"Z123456789012"}],'
    .. '"routeValues":[{"key":"%s","value":"client@example.com"}],"partner":"bench","email":"client@example.com"}',
  env("BENCH_ROUTE_ID"), env("BENCH_TO_KEY"), env("BENCH_ROUTE_KEY"))
