# shellcheck shell=bash
# What the benchmarks (bench/run.sh, bench/search.sh) run on: wrk, and one MariaDB server with its
# data under $BENCH_DATA/mariadb (so seeded databases are reused by the next run) on a free loopback
# port. Needs scripts/lib/services.sh sourced first, and SERVICES_DIR (its logs) to exist.
#
#   install_bench_tools <needs mariadb: 0|1>        installs wrk and MariaDB when missing
#   start_bench_mariadb <innodb buffer pool size>   sets MARIADB_PORT and MARIADB_DIR
#   stop_bench_mariadb

install_bench_tools() {
  local wanted=()
  command -v wrk >/dev/null || wanted+=(wrk)
  [ "$1" = 1 ] && ! command -v mariadbd >/dev/null && wanted+=(mariadb-server)
  if [ ${#wanted[@]} -gt 0 ]; then
    echo "==> installing ${wanted[*]}"
    apt-get update >"$SERVICES_DIR/apt-update.log" 2>&1 || true
    apt_install "${wanted[@]}"
  fi
}

start_bench_mariadb() {
  local buffer_pool=$1
  MARIADB_DIR="$BENCH_DATA/mariadb"
  mkdir -p "$MARIADB_DIR"
  if [ ! -d "$MARIADB_DIR/data/mysql" ]; then
    mariadb-install-db --user=root --datadir="$MARIADB_DIR/data" --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve >"$MARIADB_DIR/install.log" 2>&1
  fi
  MARIADB_PORT=$(free_port)
  # A buffer pool that holds the whole bench database with its indexes, as a production one would.
  mariadbd --no-defaults --user=root --datadir="$MARIADB_DIR/data" --socket="$MARIADB_DIR/mysqld.sock" \
    --pid-file="$MARIADB_DIR/mysqld.pid" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --skip-name-resolve --log-error="$MARIADB_DIR/mysqld.err" --max-connections=1000 \
    --innodb-buffer-pool-size="$buffer_pool" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
  if ! wait_until 600 mariadb-admin --no-defaults --socket="$MARIADB_DIR/mysqld.sock" -uroot ping; then
    echo "MariaDB did not start:" >&2
    cat "$MARIADB_DIR/mysqld.err" >&2
    return 1
  fi
  echo "==> MariaDB $(mariadb --no-defaults -N -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e 'select version()') on 127.0.0.1:$MARIADB_PORT"
}

stop_bench_mariadb() {
  stop_by_pidfile "$BENCH_DATA/mariadb/mysqld.pid"
}
