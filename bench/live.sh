#!/usr/bin/env bash
# The subscription fan-out benchmark (docs/benchmarks.md): builds the platform (Release) and the
# gateway's packages, runs bench/ETicket.LiveBench, writes bench/results/live-<date>.md.
#
#   bench/live.sh                              2,000 subscribers all-in-one and through the gateway, then 10,000 held
#   bench/live.sh --subscribers 500 --hold 0   any ETicket.LiveBench option passes through
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
BENCH_DATA=${ETICKET_BENCH_DATA:-$REPO_ROOT/bench/.data}
mkdir -p "$BENCH_DATA/live" "$REPO_ROOT/bench/results"

# shellcheck source=../scripts/lib/prerequisites.sh
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
npm_ci_if_needed "$REPO_ROOT/gateway"
# dotnet-gcdump, for the live managed heap per connection.
dotnet tool restore >/dev/null

echo "==> building the platform and the load client (Release)"
dotnet build src/Graph -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/live-build"
dotnet build bench/ETicket.LiveBench -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/live-build"
# Each subscriber holds a socket in the client and one in the server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

report="$REPO_ROOT/bench/results/live-$(date -u +%Y-%m-%d-%H%M).md"
echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine should be quiet)"
dotnet "$BENCH_DATA/live-build/bin/ETicket.LiveBench/release/ETicket.LiveBench.dll" \
  --graph-dll "$BENCH_DATA/live-build/bin/ETicket.Graph/release/ETicket.Graph.dll" --repo "$REPO_ROOT" \
  --data "$BENCH_DATA/live" --out "$report" "$@"
