#!/usr/bin/env bash
# Runs the federated platform on this machine, in the foreground: the members subgraph, the
# tickets subgraph (two processes of the same binary), optionally a second tickets subgraph process,
# and Hive Gateway in front of them.
# Ctrl-C or SIGTERM stops them all; if one of them dies, the others are stopped and the script
# exits non-zero.
#
# Environment (all optional):
#   ETICKET_GATEWAY_PORT      the gateway's port: http://127.0.0.1:PORT/graphql (4000)
#   ETICKET_MEMBERS_PORT      the members subgraph's port (5101)
#   ETICKET_TICKETS_PORT      the tickets subgraph's port (5102)
#   ETicket__DataDirectory    data directory both subgraphs share: the SQLite database and, in
#                             Development, the generated keys (./data); each tickets process keeps
#                             its search index there in a folder of its own (search-tickets, -2)
#   ETicket__Database__Provider=MySql and ETicket__Database__ConnectionString
#                             use MySQL/MariaDB instead of SQLite (passed to the subgraphs as is)
#   ASPNETCORE_ENVIRONMENT    (Development); elsewhere the subgraphs need their keys configured
#   ETicket__Network__TrustedProxies__0
#                             the proxy the subgraphs believe X-Forwarded-For from (127.0.0.1,
#                             the gateway); other ETicket__ settings pass to the subgraphs as is
#   ETicket__Redis__Configuration
#                             Redis (a StackExchange.Redis configuration, e.g. 127.0.0.1:6379) through
#                             which the tickets subgraph processes fan committed events out to their
#                             subscribers; unset, each process hears only the events it relays itself.
#                             Not passed to the members subgraph, which serves no subscriptions.
#   ETICKET_TICKETS_REPLICA_PORT
#                             also start a second tickets subgraph on this port, on the same database
#                             (needs ETicket__Redis__Configuration). The gateway keeps routing to the
#                             first; send requests to the second directly, or balance the two yourself.
#   ETICKET_GATEWAY_UPSTREAM_TIMEOUT_MS
#                             how long the gateway waits for a subgraph's answer to a query or
#                             mutation before answering GATEWAY_TIMEOUT (10000)
#   NODE_ENV, FORK            Hive Gateway's own: production mode, and its number of worker
#                             processes (docs/running.md, "Sizing the gateway")
#   ETICKET_GRAPH_DLL         run this ETicket.Graph.dll instead of building src/Graph
set -euo pipefail

if (( BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] < 404 )); then
  echo "This script needs bash 4.4 or newer." >&2
  exit 2
fi

# Absolute, so both subgraphs open the same files; a relative path starts where the script was run.
data_directory=${ETicket__DataDirectory:-data}
[[ $data_directory == /* ]] || data_directory="$PWD/$data_directory"
export ETicket__DataDirectory=$data_directory
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
gateway_port=${ETICKET_GATEWAY_PORT:-4000}
members_port=${ETICKET_MEMBERS_PORT:-5101}
tickets_port=${ETICKET_TICKETS_PORT:-5102}
replica_port=${ETICKET_TICKETS_REPLICA_PORT:-}
redis=${ETicket__Redis__Configuration:-}
if [ -n "$replica_port" ] && [ -z "$redis" ]; then
  echo "ETICKET_TICKETS_REPLICA_PORT needs ETicket__Redis__Configuration: without Redis, subscribers of one" >&2
  echo "tickets process would miss the events the other relays." >&2
  exit 2
fi

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

# shellcheck source=lib/prerequisites.sh
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
npm_ci_if_needed "$REPO_ROOT/gateway"
build_graph_if_needed

pids=()
names=()

# shellcheck disable=SC2317 # both run from the EXIT trap
any_running() {
  local pid
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

# TERM, up to 15 s to shut down gracefully, then KILL.
# shellcheck disable=SC2317
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 150); do
    any_running || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# Every way out stops what was started; a requested stop is a clean exit.
trap stop_all EXIT
trap 'echo "==> stopping"; exit 0' INT TERM

# Starts "$@" in the background as <name> and waits until <url> answers 2xx (60 s at most,
# failing early if the process exits).
start() {
  local name=$1 url=$2
  shift 2
  "$@" &
  local pid=$!
  pids+=("$pid")
  names+=("$name")
  local deadline=$((SECONDS + 60))
  while (( SECONDS < deadline )); do
    if curl -fsS --max-time 2 -o /dev/null "$url" 2>/dev/null; then
      echo "==> $name listening on ${url%/*}/graphql (pid $pid)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "==> the $name exited before it was ready" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "==> the $name was not ready within 60 s ($url)" >&2
  return 1
}

provider=${ETicket__Database__Provider:-Sqlite}
if [ "${provider,,}" = mysql ]; then
  echo "==> database: MySql (ETicket__Database__ConnectionString); keys in $ETicket__DataDirectory"
else
  echo "==> database: SQLite in $ETicket__DataDirectory"
fi
if [ -n "$redis" ]; then
  echo "==> live updates: fanned out through Redis (ETicket__Redis__Configuration)"
else
  echo "==> live updates: within the tickets subgraph process"
fi

# The gateway reaches the subgraphs from 127.0.0.1; they believe its X-Forwarded-For (the client's
# address, for sign-in rate limits) and nobody else's.
export ETicket__Network__TrustedProxies__0=${ETicket__Network__TrustedProxies__0:-127.0.0.1}

# Members first: each subgraph migrates the database as it starts, and tickets starts only once
# members listens (migrated), so the two never migrate at once.
start "members subgraph" "http://127.0.0.1:$members_port/health" \
  env ETicket__Redis__Configuration= ETicket__Role=Members ASPNETCORE_URLS="http://127.0.0.1:$members_port" dotnet "$ETICKET_GRAPH_DLL"
# Each tickets process keeps a search index of its own in the shared data directory (docs/search.md).
start "tickets subgraph" "http://127.0.0.1:$tickets_port/health" \
  env ETicket__Role=Tickets ETicket__Search__Lucene__Directory=search-tickets ASPNETCORE_URLS="http://127.0.0.1:$tickets_port" dotnet "$ETICKET_GRAPH_DLL"
if [ -n "$replica_port" ]; then
  start "second tickets subgraph" "http://127.0.0.1:$replica_port/health" \
    env ETicket__Role=Tickets ETicket__Search__Lucene__Directory=search-tickets-2 ASPNETCORE_URLS="http://127.0.0.1:$replica_port" dotnet "$ETICKET_GRAPH_DLL"
fi
start gateway "http://127.0.0.1:$gateway_port/readiness" \
  env ETICKET_MEMBERS_URL="http://127.0.0.1:$members_port/graphql" \
  ETICKET_TICKETS_URL="http://127.0.0.1:$tickets_port/graphql" \
  gateway/node_modules/.bin/hive-gateway supergraph --config-path gateway/gateway.config.mjs \
  --host 127.0.0.1 --port "$gateway_port"
echo "==> ready; Ctrl-C stops everything"

# Returns when one of them exits; a signal interrupts it and runs the trap instead.
wait -n || true
for index in "${!pids[@]}"; do
  kill -0 "${pids[$index]}" 2>/dev/null || echo "==> the ${names[$index]} exited; stopping the others" >&2
done
exit 1
