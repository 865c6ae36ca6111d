# What the scripts need before they run anything: npm packages and a build of the platform.
# Source this file after setting REPO_ROOT; it defines functions.

# Installs an npm project's packages when its node_modules is missing or older than its lock file.
npm_ci_if_needed() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "==> npm ci in ${dir#"$REPO_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Builds src/Graph in Release unless ETICKET_GRAPH_DLL already names a build, and exports it.
build_graph_if_needed() {
  if [ -z "${ETICKET_GRAPH_DLL:-}" ]; then
    echo "==> building src/Graph (Release)"
    dotnet build "$REPO_ROOT/src/Graph" -c Release --nologo -v quiet
    ETICKET_GRAPH_DLL="$REPO_ROOT/src/Graph/bin/Release/net10.0/ETicket.Graph.dll"
  fi
  export ETICKET_GRAPH_DLL
}
