#!/usr/bin/env bash
# A longer fuzz of the platform than CI runs: the same test (tests/e2e/fuzz.test.mjs) with more
# requests. Builds src/Graph and installs the e2e packages if needed.
#
#   scripts/fuzz.sh [requests] [seed]      e.g. scripts/fuzz.sh 50000, or scripts/fuzz.sh 2000 1234
#
# requests defaults to 20000; without a seed the test picks one and prints it. Exit code 0 only if
# the fuzz found nothing. The offending requests' exact bytes land in artifacts/fuzz/.
#
# Environment (all optional):
#   ETICKET_TEST_MYSQL       a MariaDB/MySQL server connection string (as for scripts/test.sh):
#                            the platform runs on a fresh database there instead of SQLite
#   ETICKET_FUZZ_SKIP        kinds of request to leave out, comma-separated (e.g. wire), to look
#                            past a known defect while it is fixed; see docs/testing.md
#   ETICKET_FUZZ_RESTARTS    how many times to start the platform again after a request killed it (25)
#   ETICKET_FUZZ_VERBOSE=1   print every request's outcome
#   ETICKET_GRAPH_DLL        fuzz this ETicket.Graph.dll instead of building src/Graph
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/prerequisites.sh
source "$REPO_ROOT/scripts/lib/prerequisites.sh"

requests=${1:-20000}
seed=${2:-}
if ! [[ $requests =~ ^[0-9]+$ ]] || { [ -n "$seed" ] && ! [[ $seed =~ ^[0-9]+$ ]]; }; then
  echo "usage: scripts/fuzz.sh [requests] [seed]   (both whole numbers)" >&2
  exit 2
fi

npm_ci_if_needed "$REPO_ROOT/tests/e2e"
build_graph_if_needed

export ETICKET_FUZZ_REQUESTS=$requests
[ -n "$seed" ] && export ETICKET_FUZZ_SEED=$seed
export ETICKET_FUZZ_RESTARTS=${ETICKET_FUZZ_RESTARTS:-25}
export ETICKET_ARTIFACTS=${ETICKET_ARTIFACTS:-$REPO_ROOT/artifacts}
if [ -n "${ETICKET_TEST_MYSQL:-}" ]; then
  export ETICKET_FUZZ_DATABASE=mysql
  echo "==> fuzzing $requests requests on MariaDB/MySQL (ETICKET_TEST_MYSQL)"
else
  echo "==> fuzzing $requests requests on SQLite"
fi
cd "$REPO_ROOT/tests/e2e"
exec node --test --test-reporter=spec fuzz.test.mjs
