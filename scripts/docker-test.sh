#!/usr/bin/env bash
# Tests docker/ for real on this machine (docs/testing.md, "Docker images"): builds the images from
# docker/ as they are, runs the federated topology as containers and a scenario through the
# containerized gateway, stops it with docker-compose and checks the stop was graceful.
#
# This machine cannot pull images, so the official base images the Dockerfiles name are built here
# as STAND-INS first (scripts/lib/docker-stand-ins.sh says what they hold and why): a Debian made by
# debootstrap, with this machine's .NET SDK, runtimes or Node. MariaDB, Redis and Elasticsearch
# images cannot be pulled either: the containers use the MariaDB and Redis servers already running
# on this host, and search uses its embedded default. Containers get no network of their own
# (dockerd --bridge=none, network_mode: host) and listen on loopback addresses only.
#
# scripts/test.sh runs it with its MariaDB and Redis (MARIADB_PORT, REDIS_PORT); run alone, it starts
# its own. Installs docker.io, docker-compose and debootstrap when missing; starts its own dockerd on
# a private socket and data directory, and stops it, by its PID, at the end; removes everything it
# created. The Debian base is cached in ${ETICKET_DOCKER_CACHE:-~/.cache/eticket-docker} (about 80 s
# to make again).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"
# shellcheck source=lib/docker-stand-ins.sh
source "$REPO_ROOT/scripts/lib/docker-stand-ins.sh"
# shellcheck source=lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/eticket-docker.XXXXXX")
CACHE=${ETICKET_DOCKER_CACHE:-$HOME/.cache/eticket-docker}
mkdir -p "$CACHE"
COMPOSE_FILE="$REPO_ROOT/docker/compose.hostnet.yaml"
export DOCKER_HOST="unix://$WORK/docker.sock"
# The daemon here is Debian's 20.10 without BuildKit: the classic builder builds the Dockerfiles.
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
export COMPOSE_PROJECT_NAME=eticket-test
own_services=0
dockerd_pid=
wechat_pid=

step() { echo "==> docker: $*"; }

mysql_root() { mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot "$@"; }

# Prints N ports that are free on 127.0.0.1, all held at once while chosen so they differ (the e2e suites' freePorts).
free_ports() {
  node --input-type=module -e "const { freePorts } = await import('$REPO_ROOT/tests/e2e/lib/platform.mjs'); console.log((await freePorts($1)).join(' '));"
}

# Waits up to $1 seconds until every container of the compose project reports healthy.
docker_all_healthy() {
  local deadline=$((SECONDS + $1)) states
  while [ "$SECONDS" -lt "$deadline" ]; do
    states=$(docker-compose -f "$COMPOSE_FILE" ps --quiet | xargs -r docker inspect --format '{{.State.Health.Status}}' | sort -u | tr '\n' ' ')
    [ "$states" = "healthy " ] && return 0
    sleep 2
  done
  echo "  containers not all healthy after $1 s: $states" >&2
  return 1
}

cleanup() {
  local status=$?
  set +e
  if [ -n "$dockerd_pid" ]; then
    docker-compose -f "$COMPOSE_FILE" down --volumes --remove-orphans > /dev/null 2>&1
    docker system prune --all --force --volumes > /dev/null 2>&1
    kill "$dockerd_pid" 2> /dev/null
    for _ in $(seq 1 50); do kill -0 "$dockerd_pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$dockerd_pid" 2> /dev/null
  fi
  [ -n "$wechat_pid" ] && kill "$wechat_pid" 2> /dev/null
  [ "$own_services" = 1 ] && stop_services
  # The daemon leaves its network namespace mounted (and overlay mounts if it died): unmount first.
  umount "$WORK"/exec/netns/* 2> /dev/null
  grep -o " $WORK/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount 2> /dev/null
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

missing=()
for tool in dockerd:docker.io docker-compose:docker-compose debootstrap:debootstrap; do
  command -v "${tool%%:*}" > /dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  # A stale package index ("Unable to locate package") is refreshed once.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$WORK/apt.log" 2>&1 \
    || { apt-get update -qq > /dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$WORK/apt.log" 2>&1; } \
    || { cat "$WORK/apt.log" >&2; exit 1; }
fi

if [ -z "${MARIADB_PORT:-}" ] || [ -z "${REDIS_PORT:-}" ]; then
  SERVICES_DIR="$WORK/services"
  mkdir -p "$SERVICES_DIR"
  own_services=1
  install_missing_packages
  start_mariadb
  start_redis
fi

step "starting dockerd (no bridge, no iptables: containers use the host's loopback network)"
dockerd --bridge=none --iptables=false --data-root "$WORK/data" --exec-root "$WORK/exec" \
  --pidfile "$WORK/dockerd.pid" -H "$DOCKER_HOST" > "$WORK/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 100); do docker version > /dev/null 2>&1 && break; sleep 0.2; done
docker version > /dev/null || { cat "$WORK/dockerd.log" >&2; exit 1; }

step "stand-in base images (not the official ones: see scripts/lib/docker-stand-ins.sh)"
docker_stand_in_debian "$CACHE"
docker_stand_in_dotnet "$WORK" 2> /dev/null
docker_stand_in_node "$WORK" 2> /dev/null

step "building docker/Dockerfile and docker/gateway/Dockerfile as they are"
docker build --network host -q -f docker/Dockerfile -t eticket/platform:latest . > /dev/null 2> "$WORK/build.log" \
  || { cat "$WORK/build.log" >&2; exit 1; }
docker build --network host -q -f docker/gateway/Dockerfile -t eticket/gateway:latest . > /dev/null 2> "$WORK/build.log" \
  || { cat "$WORK/build.log" >&2; exit 1; }

step "validating docker/compose.yaml with every variable of docker/.env.example"
docker-compose -f docker/compose.yaml --env-file docker/.env.example config --quiet
docker-compose -f docker/compose.yaml --env-file docker/.env.example --profile all-in-one config --quiet

step "running members, two tickets replicas and the gateway (docker/compose.hostnet.yaml)"
database="eticket_docker_$(date +%s)"
mysql_root -e "CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
read -r members_port tickets_port tickets_2_port gateway_port wechat_port < <(free_ports 5)
export ETICKET_DATABASE="Server=127.0.0.1;Port=$MARIADB_PORT;Database=$database;User=root;Password="
export ETICKET_REDIS="127.0.0.1:$REDIS_PORT"
ETICKET_SIGNING_KEY=$(head -c 32 /dev/urandom | base64)
ETICKET_TICKETS_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
export ETICKET_SIGNING_KEY ETICKET_TICKETS_SECRET_KEY
export ETICKET_WECHAT_APP_ID=wx-docker-test ETICKET_WECHAT_APP_SECRET=$(head -c 16 /dev/urandom | base64)
export ETICKET_WECHAT_BASE_URL="http://127.0.0.1:$wechat_port"
export ETICKET_MEMBERS_PORT=$members_port ETICKET_TICKETS_PORT=$tickets_port ETICKET_TICKETS_2_PORT=$tickets_2_port ETICKET_GATEWAY_PORT=$gateway_port
node tests/e2e/docker/fake-wechat.mjs "$wechat_port" "$ETICKET_WECHAT_APP_ID" "$ETICKET_WECHAT_APP_SECRET" > "$WORK/wechat.log" 2>&1 &
wechat_pid=$!
# Waits on each tier's health (members, then the tickets replicas, then the gateway).
if ! docker-compose -f "$COMPOSE_FILE" up --detach --no-build > "$WORK/up.log" 2>&1 || ! docker_all_healthy 120; then
  cat "$WORK/up.log" >&2
  docker-compose -f "$COMPOSE_FILE" ps >&2
  docker-compose -f "$COMPOSE_FILE" logs --no-color --tail 50 >&2
  exit 1
fi
docker-compose -f "$COMPOSE_FILE" ps

step "the scenario through the containerized gateway"
scenario_status=0
(cd tests/e2e && ETICKET_DOCKER_GATEWAY="http://127.0.0.1:$gateway_port/graphql" \
  ETICKET_DOCKER_TICKETS_2="http://127.0.0.1:$tickets_2_port/graphql" \
  node --test --test-reporter=spec docker/scenario.mjs) || scenario_status=$?

step "stopping with docker-compose (SIGTERM, then the grace period)"
docker-compose -f "$COMPOSE_FILE" stop > /dev/null 2>&1
docker-compose -f "$COMPOSE_FILE" logs --no-color > "$WORK/containers.log" 2>&1
stop_status=0
for container in $(docker-compose -f "$COMPOSE_FILE" ps --quiet); do
  name=$(docker inspect --format '{{.Name}}' "$container")
  code=$(docker inspect --format '{{.State.ExitCode}}' "$container")
  # 0: it stopped on SIGTERM by itself; 137 would be the SIGKILL after the grace period.
  if [ "$code" != 0 ]; then
    echo "  ${name#/} exited with $code, not 0: the stop was not graceful" >&2
    stop_status=1
  else
    echo "  ${name#/} stopped on SIGTERM (exit 0)"
  fi
done
if grep -E '"(LogLevel|level)":"(Error|Critical)"|fail: |crit: ' "$WORK/containers.log" > "$WORK/errors.log"; then
  echo "  errors logged while running or stopping:" >&2
  head -20 "$WORK/errors.log" >&2
  stop_status=1
fi
docker-compose -f "$COMPOSE_FILE" down --volumes > /dev/null 2>&1
mysql_root -e "DROP DATABASE $database"

if [ "$scenario_status" != 0 ] || [ "$stop_status" != 0 ]; then
  echo "  containers' logs:" >&2
  tail -60 "$WORK/containers.log" >&2
  exit 1
fi
echo "==> docker: passed"
