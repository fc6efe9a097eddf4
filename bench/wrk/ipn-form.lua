-- wrk: POST one IPN form body (the fields and size the server sends) to the empty app's /ipn:
-- the bare client's ceiling for IPN deliveries
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
wrk.body = env("BENCH_IPN_BODY")
