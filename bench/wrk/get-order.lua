-- wrk: GET order/get?type=order on random orders of a pool (bench/sql/pool.sql), not one hot row
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local base = tonumber(env("BENCH_POOL_BASE"))
local count = tonumber(env("BENCH_POOL_COUNT"))
local prefix = env("BENCH_POOL_PREFIX")

function init(args)
  math.randomseed(os.time() * 100 + tid)
end

function request()
  local i = math.random(0, count - 1)
  return wrk.format("GET", string.format("/public/exchanger/order/get?orderUID=%d&orderSecret=%s&type=order",
    base + i, pool_secret(prefix, i)))
end
