#!/usr/bin/env bash
# Regenerates the committed schema files from the code: schema/members.graphql and
# schema/tickets.graphql (each subgraph's `_service { sdl }`), schema/all-in-one.graphql (the
# all-in-one schema, sorted) and schema/supergraph.graphql (composed from the two subgraphs).
# Run it after changing the GraphQL schema in src/Graph, and commit what changed in schema/.
#
# ETICKET_GRAPH_DLL=path/to/ETicket.Graph.dll uses that build instead of building src/Graph.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

if [ ! -d gateway/node_modules ] || [ gateway/package-lock.json -nt gateway/node_modules/.package-lock.json ]; then
  echo "==> npm ci in gateway/"
  (cd gateway && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -z "${ETICKET_GRAPH_DLL:-}" ]; then
  echo "==> building src/Graph (Release)"
  dotnet build src/Graph -c Release --nologo -v quiet
  export ETICKET_GRAPH_DLL="$REPO_ROOT/src/Graph/bin/Release/net10.0/ETicket.Graph.dll"
fi

echo "==> reading the schemas the code serves"
node scripts/update-schema.mjs
echo "==> composing the supergraph"
node gateway/compose.mjs
