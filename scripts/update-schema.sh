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

# shellcheck source=lib/prerequisites.sh
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
npm_ci_if_needed "$REPO_ROOT/gateway"
build_graph_if_needed

echo "==> reading the schemas the code serves"
node scripts/update-schema.mjs
echo "==> composing the supergraph"
node gateway/compose.mjs
