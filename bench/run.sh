#!/usr/bin/env bash
# The market-page benchmark (docs/benchmarks.md). Not part of scripts/test.sh: it takes minutes and
# wants a quiet machine. Installs wrk and MariaDB when missing, starts MariaDB on a free loopback
# port with its data under bench/.data (so the seeded 100,000 listings are reused by the next run),
# builds the platform and the gateway's packages (for the targets through Hive Gateway), builds and
# runs bench/ETicket.Bench, writes bench/results/<date>.md, and stops MariaDB again.
#
#   bench/run.sh                               both databases, all-in-one and through the gateway, 3 runs of 10 s per target
#   bench/run.sh --fresh                       delete the seeded databases first
#   bench/run.sh --topologies all-in-one       skip the gateway
#   bench/run.sh --providers sqlite            any ETicket.Bench option passes through (listed in docs/benchmarks.md)
#
# ETICKET_BENCH_DATA moves the data directory (default bench/.data).
set -euo pipefail

SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
REPO_ROOT=$(cd "$(dirname "$SCRIPT")/.." && pwd)
cd "$REPO_ROOT"
BENCH_DATA=${ETICKET_BENCH_DATA:-$REPO_ROOT/bench/.data}
RESULTS_DIR="$REPO_ROOT/bench/results"

fresh=0
pass=()
needs_mariadb=1
needs_gateway=1
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=1 ;;
    --help|-h)
      sed -n '2,13p' "$SCRIPT" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    --providers)
      pass+=("$1" "$2")
      case "$2" in *mysql*|*mariadb*) needs_mariadb=1 ;; *) needs_mariadb=0 ;; esac
      shift ;;
    --topologies)
      pass+=("$1" "$2")
      case "$2" in *gateway*) needs_gateway=1 ;; *) needs_gateway=0 ;; esac
      shift ;;
    *) pass+=("$1") ;;
  esac
  shift
done

if [ "$fresh" = 1 ]; then
  echo "==> deleting the seeded databases in ${BENCH_DATA#"$REPO_ROOT"/}"
  rm -rf "$BENCH_DATA/mariadb" "$BENCH_DATA/sqlite" "$BENCH_DATA/mysql"
fi
SERVICES_DIR="$BENCH_DATA/services"
mkdir -p "$SERVICES_DIR" "$RESULTS_DIR"
# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

# shellcheck source=lib/bench-services.sh
source "$REPO_ROOT/bench/lib/bench-services.sh"
install_bench_tools "$needs_mariadb"
trap stop_bench_mariadb EXIT
trap 'exit 130' INT TERM

mysql_args=()
if [ "$needs_mariadb" = 1 ]; then
  # About 100 MB with indexes.
  start_bench_mariadb 512M
  mysql_args=(--mysql "Server=127.0.0.1;Port=$MARIADB_PORT;User=root;Password=" --mariadb-pid "$(cat "$MARIADB_DIR/mysqld.pid")")
fi

gateway_args=()
if [ "$needs_gateway" = 1 ]; then
  # shellcheck source=../scripts/lib/prerequisites.sh
  source "$REPO_ROOT/scripts/lib/prerequisites.sh"
  npm_ci_if_needed "$REPO_ROOT/gateway"
  # The subgraphs run the platform as deployed: its own build, started as `dotnet ETicket.Graph.dll`.
  # Built where the bench's build puts it anyway (the bench references it), so it is built once.
  echo "==> building src/Graph (Release)"
  dotnet build src/Graph -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/build"
  gateway_args=(--graph-dll "$BENCH_DATA/build/bin/ETicket.Graph/release/ETicket.Graph.dll" --repo "$REPO_ROOT")
fi

echo "==> building bench/ETicket.Bench (Release)"
dotnet build bench/ETicket.Bench -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/build"

report="$RESULTS_DIR/$(date -u +%Y-%m-%d-%H%M).md"
echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine should be quiet: see docs/benchmarks.md)"
dotnet "$BENCH_DATA/build/bin/ETicket.Bench/release/ETicket.Bench.dll" \
  --data "$BENCH_DATA" --out "$report" "${mysql_args[@]}" "${gateway_args[@]}" "${pass[@]}"
