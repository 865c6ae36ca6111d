-- wrk script for the targets through the gateway: post.lua's POST, each request with a client
-- address of its own in X-Forwarded-For. wrk's connections all come from 127.0.0.1, so to the
-- gateway they would be one client, and it merges identical queries in flight into one subgraph
-- request (its upstream deduplication keys on the body and the headers it forwards, and
-- gateway/gateway.config.mjs forwards X-Forwarded-For with the client's address appended). Real
-- clients have addresses of their own, so every request of theirs reaches the subgraphs, as every
-- request here reaches the all-in-one host.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.body = file:read("*a")
  file:close()
end

local sent = 0

-- 65,536 addresses per thread before one comes again: far more than requests in flight.
function request()
  sent = sent + 1
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", thread_number % 256, math.floor(sent / 256) % 256, sent % 256)
  return wrk.format()
end
