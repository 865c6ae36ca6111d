#!/usr/bin/env bash
# The search benchmark of issue 14 (docs/benchmarks.md, "Search"). Not part of scripts/test.sh: it
# takes minutes and wants a quiet machine. Installs wrk and MariaDB when missing, starts MariaDB on a
# free loopback port with its data under bench/.data (the seeded listings are reused by the next
# run), builds and runs bench/ETicket.SearchBench, writes bench/results/search-<date>.md, and stops
# MariaDB again.
#
#   bench/search.sh                           1,000,000 listings, SQLite and MariaDB
#   bench/search.sh --listings 100000         a smaller market (delete the seeded one first: --fresh)
#   bench/search.sh --fresh                   delete the seeded search databases first
#   bench/search.sh --providers sqlite        any ETicket.SearchBench option passes through (see --help)
#
# ETICKET_BENCH_DATA moves the data directory (default bench/.data).
set -euo pipefail

SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
REPO_ROOT=$(cd "$(dirname "$SCRIPT")/.." && pwd)
cd "$REPO_ROOT"
BENCH_DATA=${ETICKET_BENCH_DATA:-$REPO_ROOT/bench/.data}
RESULTS_DIR="$REPO_ROOT/bench/results"
MYSQL_DATABASE=eticket_search

fresh=0
pass=()
needs_mariadb=1
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
    *) pass+=("$1") ;;
  esac
  shift
done

SERVICES_DIR="$BENCH_DATA/services"
mkdir -p "$SERVICES_DIR" "$RESULTS_DIR"
# shellcheck source=../scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"
# shellcheck source=lib/bench-services.sh
source "$REPO_ROOT/bench/lib/bench-services.sh"
install_bench_tools "$needs_mariadb"
trap stop_bench_mariadb EXIT
trap 'exit 130' INT TERM

if [ "$fresh" = 1 ]; then
  echo "==> deleting the seeded search databases in ${BENCH_DATA#"$REPO_ROOT"/}"
  rm -rf "$BENCH_DATA/search-sqlite" "$BENCH_DATA/search-mysql"
fi

mysql_args=()
if [ "$needs_mariadb" = 1 ]; then
  # A million listings take about 1 GB with their indexes; LIKE scans them all, so they stay in memory.
  start_bench_mariadb 2G
  if [ "$fresh" = 1 ]; then
    mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e "DROP DATABASE IF EXISTS $MYSQL_DATABASE"
  fi
  mysql_args=(--mysql "Server=127.0.0.1;Port=$MARIADB_PORT;User=root;Password=" --mysql-database "$MYSQL_DATABASE"
    --mariadb-pid "$(cat "$MARIADB_DIR/mysqld.pid")")
fi

echo "==> building bench/ETicket.SearchBench (Release)"
dotnet build bench/ETicket.SearchBench -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/build"

report="$RESULTS_DIR/search-$(date -u +%Y-%m-%d-%H%M).md"
echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine should be quiet: see docs/benchmarks.md)"
dotnet "$BENCH_DATA/build/bin/ETicket.SearchBench/release/ETicket.SearchBench.dll" \
  --data "$BENCH_DATA" --out "$report" "${mysql_args[@]}" "${pass[@]}"
