#!/usr/bin/env bash
# The market-page benchmark (docs/benchmarks.md). Not part of scripts/test.sh: it takes minutes and
# wants a quiet machine. Installs wrk and MariaDB when missing, starts MariaDB on a free loopback
# port with its data under bench/.data (so the seeded 100,000 listings are reused by the next run),
# builds and runs bench/ETicket.Bench, writes bench/results/<date>.md, and stops MariaDB again.
#
#   bench/run.sh                     both databases, 3 runs of 10 s per target
#   bench/run.sh --fresh             delete the seeded databases first
#   bench/run.sh --providers sqlite  any ETicket.Bench option passes through (listed in docs/benchmarks.md)
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
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=1 ;;
    --help|-h)
      sed -n '2,11p' "$SCRIPT" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    --providers)
      pass+=("$1" "$2")
      case "$2" in *mysql*|*mariadb*) needs_mariadb=1 ;; *) needs_mariadb=0 ;; esac
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

wanted=()
command -v wrk >/dev/null || wanted+=(wrk)
[ "$needs_mariadb" = 1 ] && ! command -v mariadbd >/dev/null && wanted+=(mariadb-server)
if [ ${#wanted[@]} -gt 0 ]; then
  echo "==> installing ${wanted[*]}"
  apt-get update >"$SERVICES_DIR/apt-update.log" 2>&1 || true
  apt_install "${wanted[@]}"
fi

MARIADB_DIR="$BENCH_DATA/mariadb"
cleanup() {
  stop_by_pidfile "$MARIADB_DIR/mysqld.pid"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mysql_args=()
if [ "$needs_mariadb" = 1 ]; then
  mkdir -p "$MARIADB_DIR"
  if [ ! -d "$MARIADB_DIR/data/mysql" ]; then
    mariadb-install-db --user=root --datadir="$MARIADB_DIR/data" --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve >"$MARIADB_DIR/install.log" 2>&1
  fi
  MARIADB_PORT=$(free_port)
  # A buffer pool that holds the whole bench database (about 100 MB with indexes), as a production one would.
  mariadbd --no-defaults --user=root --datadir="$MARIADB_DIR/data" --socket="$MARIADB_DIR/mysqld.sock" \
    --pid-file="$MARIADB_DIR/mysqld.pid" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --skip-name-resolve --log-error="$MARIADB_DIR/mysqld.err" --max-connections=1000 \
    --innodb-buffer-pool-size=512M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
  if ! wait_until 600 mariadb-admin --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot ping; then
    echo "MariaDB did not start:" >&2
    cat "$MARIADB_DIR/mysqld.err" >&2
    exit 1
  fi
  echo "==> MariaDB $(mariadb --no-defaults -N -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e 'select version()') on 127.0.0.1:$MARIADB_PORT"
  mysql_args=(--mysql "Server=127.0.0.1;Port=$MARIADB_PORT;User=root;Password=" --mariadb-pid "$(cat "$MARIADB_DIR/mysqld.pid")")
fi

echo "==> building bench/ETicket.Bench (Release)"
dotnet build bench/ETicket.Bench -c Release --nologo -v quiet --artifacts-path "$BENCH_DATA/build"

report="$RESULTS_DIR/$(date -u +%Y-%m-%d-%H%M).md"
echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine should be quiet: see docs/benchmarks.md)"
dotnet "$BENCH_DATA/build/bin/ETicket.Bench/release/ETicket.Bench.dll" \
  --data "$BENCH_DATA" --out "$report" "${mysql_args[@]}" "${pass[@]}"
