-- wrk: the operator's POST /admin/orders/{uid}/status on a pool of inProgress orders
-- (bench/sql/pool.sql). Each wrk thread walks its own slice of the pool round-robin: hold on
-- even passes, inProgress on odd ones, both legal from the other, so no order is changed by
-- two requests at once and a 409 means the script raced itself.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local base = tonumber(env("BENCH_POOL_BASE"))
local count = tonumber(env("BENCH_POOL_COUNT"))
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = env("BENCH_ADMIN_KEY") }
local slice, first, i

function init(args)
  slice = math.floor(count / nthreads)
  first = tid * slice
  i = 0
end

function request()
  local pass = math.floor(i / slice)
  local uid = base + first + (i % slice)
  i = i + 1
  local status = (pass % 2 == 0) and "hold" or "inProgress"
  return wrk.format("POST", "/admin/orders/" .. uid .. "/status", headers, '{"status":"' .. status .. '"}')
end
