-- wrk script of scripts/load/run.sh: POSTs one complete survey form (body and cookie prepared by LoadClient.java) and
-- counts the answers with the expected status (303: acknowledged, stored) and any other status, per thread.
local function read(path)
  local f = assert(io.open(path, "r")); local s = f:read("*a"); f:close(); return s
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.path = os.getenv("SUBMIT_PATH")
  wrk.body = read(os.getenv("BODY_FILE"))
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  local cookie = read(os.getenv("COOKIE_FILE"))
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
  expected = tonumber(os.getenv("EXPECT") or "303")
  acknowledged = 0
  other = {}
end

function response(status, headers, body)
  if status == expected then
    acknowledged = acknowledged + 1
  else
    other[status] = (other[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total, others = 0, {}
  for _, t in ipairs(threads) do
    total = total + t:get("acknowledged")
    for status, n in pairs(t:get("other")) do others[status] = (others[status] or 0) + n end
  end
  io.write(string.format("acknowledged=%d\n", total))
  local parts = {}
  for status, n in pairs(others) do table.insert(parts, status .. ":" .. n) end
  io.write("other_status=" .. table.concat(parts, ",") .. "\n")
end
