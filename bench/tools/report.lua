-- wrk reporting script: one machine-readable line with throughput, latency percentiles and failures.
-- Optional: `-- FILE` makes every request go to the next path listed in FILE (one path per line).
local paths = nil
local counter = 0

function init(args)
  if args[1] then
    paths = {}
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
    -- each wrk thread has its own Lua state: start the threads at different places in the list
    math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003))
    counter = math.random(#paths)
  end
end

function request()
  if paths then
    counter = counter % #paths + 1
    return wrk.format(nil, paths[counter])
  end
  return wrk.request()
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"socket_errors":%d,"non2xx":%d,"bytes":%d,"seconds":%.2f}\n',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status, summary.bytes, seconds))
end
