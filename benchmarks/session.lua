-- wrk script for a signed-in shopper: sends the cookie in BENCH_COOKIE and, like a browser, follows the sign-in
-- cookie when the store renews it (Set-Cookie: store.auth=…, e.g. after its periodic check against the account),
-- so that the figures show what a real session costs. Prints the same RESULT line as percentiles.lua.
local cookie = os.getenv("BENCH_COOKIE")
local request_bytes

init = function(args)
  if cookie and #cookie > 0 then wrk.headers["Cookie"] = cookie end
end

request = function()
  if not request_bytes then request_bytes = wrk.format() end
  return request_bytes
end

response = function(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local renewed = set:match("^(store%.auth=[^;]*)")
    if renewed and renewed ~= wrk.headers["Cookie"] then
      wrk.headers["Cookie"] = renewed
      request_bytes = nil
    end
  end
end

dofile(os.getenv("BENCH_DIR") .. "/percentiles.lua")
