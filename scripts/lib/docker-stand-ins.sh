# Stand-in base images for scripts/docker-test.sh (sourced).
#
# STAND-INS, NOT THE OFFICIAL IMAGES. This machine cannot reach a container registry, so the official
# bases docker/ names (debian, mcr.microsoft.com/dotnet/sdk and aspnet, node) cannot be pulled. They
# are built here instead and tagged with the official names, so the project's Dockerfiles build
# unchanged: a Debian bookworm made by debootstrap from Debian's mirror, plus this machine's own
# .NET SDK (the SDK image), its runtimes (the ASP.NET Core image) or its Node 20 (the Node image).
# Each carries what the official image promises and the project relies on: the same paths and
# environment (DOTNET_ROOT, PATH, APP_UID, the non-root users `app` and `node`), CA certificates,
# ICU and time zones. What they cannot prove: that the official images behave the same, which they
# are documented to. One thing they add: the certificate authorities this machine trusts beyond
# Debian's (/usr/local/share/ca-certificates, e.g. an egress proxy's), so package restores inside
# the builds (NuGet, npm, apt over https) reach the registries as this machine does.

# The Debian base: debootstrap once (about 80 s), kept as a tarball in the cache directory.
docker_stand_in_debian() {
  local cache=$1 tarball="$1/debian-bookworm-minbase.tar"
  if [ ! -s "$tarball" ]; then
    echo "==> debootstrap: a Debian bookworm base from Debian's mirror (stand-in for debian:bookworm-slim)"
    local root
    root=$(mktemp -d "${TMPDIR:-/tmp}/eticket-debian.XXXXXX")
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; rm -rf "$root"; return 1; }
    tar -C "$root" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
    rm -rf "$root"
  fi
  docker import "$tarball" debian:bookworm-slim > /dev/null
}

# Builds one stand-in from a Dockerfile written on the fly, with a context holding what it copies,
# plus this machine's own certificate authorities (local-ca/).
docker_stand_in_build() {
  local tag=$1 context=$2
  mkdir -p "$context/local-ca"
  cp /usr/local/share/ca-certificates/*.crt "$context/local-ca/" 2>/dev/null || true
  docker build --network host -q -t "$tag" "$context" > /dev/null
}

# Dockerfile lines: CA certificates, with this machine's own authorities trusted as well.
DOCKER_STAND_IN_CA='RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates > /dev/null && rm -rf /var/lib/apt/lists/*
COPY local-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates > /dev/null'


# mcr.microsoft.com/dotnet/sdk:10.0 and aspnet:10.0 from this machine's SDK ($DOTNET_ROOT or the dotnet on PATH).
docker_stand_in_dotnet() {
  local work=$1 dotnet_root
  dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
  local common="$DOCKER_STAND_IN_CA
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libicu72 tzdata libssl3 > /dev/null && rm -rf /var/lib/apt/lists/*"

  echo "==> stand-in mcr.microsoft.com/dotnet/sdk:10.0 (this machine's SDK from $dotnet_root)"
  mkdir -p "$work/sdk"
  cp -a "$dotnet_root" "$work/sdk/dotnet"
  cat > "$work/sdk/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
$common
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_RUNNING_IN_CONTAINER=true DOTNET_NOLOGO=true DOTNET_CLI_TELEMETRY_OPTOUT=true \
    NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}
DOCKERFILE
  docker_stand_in_build mcr.microsoft.com/dotnet/sdk:10.0 "$work/sdk"
  rm -rf "$work/sdk"

  echo "==> stand-in mcr.microsoft.com/dotnet/aspnet:10.0 (this machine's runtimes)"
  mkdir -p "$work/aspnet/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/aspnet/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/aspnet/dotnet/shared/"
  cat > "$work/aspnet/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
$common
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --no-create-home --shell /bin/false app
ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_ROOT=/usr/share/dotnet
DOCKERFILE
  docker_stand_in_build mcr.microsoft.com/dotnet/aspnet:10.0 "$work/aspnet"
  rm -rf "$work/aspnet"
}

# node:20-bookworm-slim from this machine's Node 20 and npm.
docker_stand_in_node() {
  local work=$1 node npm_dir
  node=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  echo "==> stand-in node:20-bookworm-slim (this machine's $("$node" --version))"
  mkdir -p "$work/node"
  cp "$node" "$work/node/node"
  cp -a "$npm_dir" "$work/node/npm"
  cat > "$work/node/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
$DOCKER_STAND_IN_CA
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# Node reads its own certificate list; the system's (with this machine's authorities) is added.
ENV NODE_VERSION=20 NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
DOCKERFILE
  docker_stand_in_build node:20-bookworm-slim "$work/node"
  rm -rf "$work/node"
}
