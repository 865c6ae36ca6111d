#!/usr/bin/env bash
# Code metrics for a refactoring's before and after (issue 15): lines per folder, files over 200 lines,
# the longest members, the namespace dependencies and their cycles, and which src/Domain files use
# EF Core, Redis, SQLite or HTTP. Builds scripts/CodeMetrics (a dev tool, not in ETicket.sln) and runs it.
#
#   scripts/code-metrics.sh [--root <repo dir>] [--out report.md]
#
# --root defaults to the repository this script is in; the report goes to stdout unless --out is given.
# It restores the analysed tree's projects (their obj/) but builds nothing of it. See docs/metrics/README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$SCRIPT_DIR/.." && pwd)
usage="usage: scripts/code-metrics.sh [--root <repo dir>] [--out report.md]"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=${2:?$usage}; shift 2 ;;
    --out) args+=(--out "${2:?$usage}"); shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

# Build output to stderr: stdout carries only the report.
dotnet build "$SCRIPT_DIR/CodeMetrics/CodeMetrics.csproj" -c Release --nologo -v quiet >&2
exec dotnet "$SCRIPT_DIR/CodeMetrics/bin/Release/net10.0/CodeMetrics.dll" --root "$root" "${args[@]}"
