-- wrk: the client's PUT order/update-status new -> inProgress ("I have paid"), one-shot: each
-- request takes the next unused order of a pool of new orders (bench/sql/pool.sql); the
-- threads interleave (thread t takes t, t + threads, ...). Past the pool's end it starts
-- again from the first, which are inProgress by then: 409s, which bench/run.sh counts.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local base = tonumber(env("BENCH_POOL_BASE"))
local count = tonumber(env("BENCH_POOL_COUNT"))
local prefix = env("BENCH_POOL_PREFIX")
local headers = { ["Content-Type"] = "application/json" }
local k

function init(args)
  k = tid
end

function request()
  local i = k % count
  k = k + nthreads
  return wrk.format("PUT", "/public/exchanger/order/update-status", headers,
    string.format('{"orderUID":%d,"orderSecret":"%s","status":"inProgress"}', base + i, pool_secret(prefix, i)))
end
