# Test services for scripts/test.sh: install what is missing, start MariaDB, Redis and an S3 server
# on free loopback ports under SERVICES_DIR, stop them again. Source this file; it defines functions.

# Runs apt-get, waiting for another apt process to release its lock.
apt_install() {
  local attempt
  for attempt in $(seq 1 30); do
    if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >"$SERVICES_DIR/apt.log" 2>&1; then
      return 0
    fi
    if grep -q 'Could not get lock\|Unable to acquire' "$SERVICES_DIR/apt.log"; then
      sleep 2
      continue
    fi
    # A stale package index is the usual cause of "Unable to locate package".
    apt-get update >"$SERVICES_DIR/apt-update.log" 2>&1 || true
    [ "$attempt" -ge 3 ] && { cat "$SERVICES_DIR/apt.log" >&2; return 1; }
  done
  cat "$SERVICES_DIR/apt.log" >&2
  return 1
}

# Installs the Debian packages the suites need, when their commands are missing.
install_missing_packages() {
  local wanted=()
  command -v mariadbd >/dev/null || wanted+=(mariadb-server)
  command -v redis-server >/dev/null || wanted+=(redis-server)
  command -v chromium >/dev/null || wanted+=(chromium)
  if [ ${#wanted[@]} -gt 0 ]; then
    echo "==> installing ${wanted[*]}"
    apt-get update >"$SERVICES_DIR/apt-update.log" 2>&1 || true
    apt_install "${wanted[@]}"
  fi
}

# Prints a TCP port that is free on 127.0.0.1 right now.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits until "$@" succeeds, up to $1 tenths of a second.
wait_until() {
  local tenths=$1; shift
  local i
  for i in $(seq 1 "$tenths"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

start_mariadb() {
  local dir="$SERVICES_DIR/mariadb"
  mkdir -p "$dir"
  mariadb-install-db --user=root --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1
  MARIADB_PORT=$(free_port)
  mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --skip-name-resolve --log-error="$dir/mysqld.err" --max-connections=1000 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
  if ! wait_until 600 mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping; then
    echo "MariaDB did not start:" >&2
    cat "$dir/mysqld.err" >&2
    return 1
  fi
  echo "==> MariaDB $(mariadb --no-defaults -N -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e 'select version()') on 127.0.0.1:$MARIADB_PORT"
}

start_redis() {
  local dir="$SERVICES_DIR/redis"
  mkdir -p "$dir"
  REDIS_PORT=$(free_port)
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize no \
    --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" &
  if ! wait_until 100 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping; then
    echo "Redis did not start:" >&2
    cat "$dir/redis.log" >&2
    return 1
  fi
  echo "==> Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$REDIS_PORT"
}

# s3rver (tests/e2e's devDependency, so npm ci there first): the S3 REST API on loopback, objects as
# files under its directory. It knows one account, S3RVER/S3RVER; the tests create their bucket.
start_s3() {
  local dir="$SERVICES_DIR/s3"
  local s3rver="$REPO_ROOT/tests/e2e/node_modules/s3rver/bin/s3rver.js"
  mkdir -p "$dir/data"
  S3_PORT=$(free_port)
  node "$s3rver" --directory "$dir/data" --address 127.0.0.1 --port "$S3_PORT" --no-vhost-buckets \
    >"$dir/s3rver.log" 2>&1 &
  echo $! >"$dir/s3rver.pid"
  if ! wait_until 100 node -e "require('http').get('http://127.0.0.1:$S3_PORT/',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"; then
    echo "s3rver did not start:" >&2
    cat "$dir/s3rver.log" >&2
    return 1
  fi
  echo "==> s3rver $(node "$s3rver" --version) on 127.0.0.1:$S3_PORT"
}

# Stops a server by the PID in its pid file and waits for it to exit.
stop_by_pidfile() {
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  wait_until 300 sh -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
}

stop_services() {
  stop_by_pidfile "$SERVICES_DIR/s3/s3rver.pid"
  stop_by_pidfile "$SERVICES_DIR/redis/redis.pid"
  stop_by_pidfile "$SERVICES_DIR/mariadb/mysqld.pid"
}
