#!/usr/bin/env bash
# Runs every test suite the way CI does: installs what is missing (Debian packages, npm packages),
# starts MariaDB, Redis and an S3 server (s3rver) on free loopback ports, builds once, runs the .NET
# tests (unit and integration on SQLite and MariaDB), the end-to-end tests (reference clients, Hive
# Gateway, headless Chromium) and the docker/ images and topology (scripts/docker-test.sh), then stops
# everything it started. Exit code: 0 only if every suite passed.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/eticket-test.XXXXXX")
ARTIFACTS_DIR="$REPO_ROOT/artifacts"
mkdir -p "$ARTIFACTS_DIR"
# shellcheck source=lib/prerequisites.sh
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
# shellcheck source=lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

cleanup() {
  stop_services
  rm -rf "$SERVICES_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
install_missing_packages
npm_ci_if_needed "$REPO_ROOT/src/Graph/Ide"
npm_ci_if_needed "$REPO_ROOT/tests/e2e"
npm_ci_if_needed "$REPO_ROOT/gateway"

start_mariadb
start_redis
start_s3
export ETICKET_TEST_MYSQL="Server=127.0.0.1;Port=$MARIADB_PORT;User=root;Password="
export ETICKET_TEST_REDIS="127.0.0.1:$REDIS_PORT"
# s3rver's one account.
export ETICKET_TEST_S3_URL="http://127.0.0.1:$S3_PORT" ETICKET_TEST_S3_ACCESS_KEY=S3RVER ETICKET_TEST_S3_SECRET_KEY=S3RVER
# Here the real servers are up, so a suite that needs them must not skip.
export ETICKET_TEST_REQUIRE_SERVICES=1

echo "==> building (Release)"
dotnet build ETicket.sln -c Release -warnaserror --nologo -v quiet

failed=()
echo "==> .NET tests"
rm -f "$ARTIFACTS_DIR/picture-decode-rates.txt"
ETICKET_ARTIFACTS="$ARTIFACTS_DIR" dotnet test --solution ETicket.sln -c Release --no-build --results-directory "$ARTIFACTS_DIR/dotnet" || failed+=(dotnet)
if [ -f "$ARTIFACTS_DIR/picture-decode-rates.txt" ]; then
  echo "==> codes read from generated photos of ticket screens (tests/ETicket.Tests/Pictures/Imaging)"
  sort "$ARTIFACTS_DIR/picture-decode-rates.txt"
fi

echo "==> end-to-end tests"
# The spec reporter's output is kept, so the failures can be repeated at the end, after the docker output.
(cd tests/e2e && ETICKET_GRAPH_DLL="$REPO_ROOT/src/Graph/bin/Release/net10.0/ETicket.Graph.dll" \
  ETICKET_ARTIFACTS="$ARTIFACTS_DIR" node --test --test-concurrency=1 --test-reporter=spec) 2>&1 \
  | tee "$ARTIFACTS_DIR/e2e.log" || failed+=(e2e)

echo "==> docker images and the containerized topology"
MARIADB_PORT=$MARIADB_PORT REDIS_PORT=$REDIS_PORT ./scripts/docker-test.sh || failed+=(docker)

echo "==> finished in $(( $(date +%s) - started )) s; artifacts in artifacts/"
if [ ${#failed[@]} -gt 0 ]; then
  if [[ " ${failed[*]} " == *" e2e "* ]]; then
    echo "==> the end-to-end failures again (artifacts/e2e.log has the whole output)" >&2
    sed -n '/failing tests:/,$p' "$ARTIFACTS_DIR/e2e.log" | head -n 150 >&2
  fi
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "All suites passed."
