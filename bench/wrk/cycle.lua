-- wrk script: cycle through the paths given after `--`.
-- With `--dated`, every request also gets its own anchor date (dato=YYYY-MM-DD): no two
-- requests of the run share a URL, so each one misses any response cache and goes through
-- the full render path (database read, audience filter, due dates, serialization).
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  paths, dated, counter = {}, false, 0
  for _, arg in ipairs(args) do
    if arg == "--dated" then dated = true else table.insert(paths, arg) end
  end
  first_day = os.time() - 3500 * 86400  -- the API accepts dates within ten years of today
end

function request()
  -- a global request number: threads interleave (at most 16 threads)
  local n = counter * 16 + (id or 0)
  counter = counter + 1
  local path = paths[(n % #paths) + 1]
  if dated then
    local day = math.floor(n / #paths) % 7000
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "dato=" .. os.date("!%Y-%m-%d", first_day + day * 86400)
  end
  return wrk.format("GET", path)
end
