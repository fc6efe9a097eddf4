-- Shared by every bench/wrk script (each loads it with dofile): numbers each wrk thread, counts
-- 409s, keeps the first error answer, and prints one machine-readable line at the end that
-- bench/run.sh parses:
--   BENCH requests=.. rate=.. ok_rate=.. mean_ms=.. p50_ms=.. p99_ms=.. max_ms=.. non2xx=.. c409=.. errors=..
--   BENCH_FIRST_ERROR <status> <body>          (only when some answer was not 2xx)
-- Latencies are wrk's (from send to the whole answer), in milliseconds.

local threads = {}

-- runs once per thread, in the main Lua state, before the thread starts
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- in each thread's own Lua state
tid = 0
nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
n409 = 0
first_error = ""

function response(status, headers, body)
  if status >= 300 then
    if status == 409 then n409 = n409 + 1 end
    if first_error == "" then first_error = status .. " " .. (body or "") end
  end
end

-- optional pacing: BENCH_RATE requests per second in all, evenly spaced. Each thread hands out
-- send slots at its share of the rate to whichever of its connections is free (delay() runs
-- before every request, the first included). A slot that passes while every connection is
-- still waiting for an answer is lost, not made up in a burst: the rate falls when the server
-- is slow, and the achieved rate is what wrk reports.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval, next_at
  function delay()
    local now = now_ms()
    if next_at == nil then
      interval = 1000 * nthreads / rate
      next_at = now + math.random() * interval -- the threads out of step with each other
    end
    if next_at < now then next_at = now end
    local wait = next_at - now
    next_at = next_at + interval
    return math.floor(wait + 0.5)
  end
end

function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    if default == nil then error("bench: environment variable " .. name .. " is not set") end
    return default
  end
  return value
end

-- a pool order made by bench/sql/pool.sql: uid = base + i, secret = prefix .. i in 23 digits
function pool_secret(prefix, i)
  return prefix .. string.format("%023d", i)
end

function done(summary, latency, requests)
  local c409, err = 0, ""
  for _, thread in ipairs(threads) do
    c409 = c409 + (thread:get("n409") or 0)
    local e = thread:get("first_error")
    if err == "" and e ~= nil and e ~= "" then err = e end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local non2xx = e.status
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rate=%.2f ok_rate=%.2f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d c409=%d errors=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds, (summary.requests - non2xx) / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx, c409, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
  if err ~= "" then
    local line = err:gsub("[\r\n]+", " ")
    io.write("BENCH_FIRST_ERROR " .. line:sub(1, 800) .. "\n")
  end
end
