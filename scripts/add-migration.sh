#!/usr/bin/env bash
# Adds a migration for both providers after a model change: ./scripts/add-migration.sh <Name>
# Each provider keeps its own migration set (SQLite stores money as cents and time as ticks).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore >/dev/null
for provider in Sqlite MySql; do
  dotnet ef migrations add "$name" --project src/Domain --startup-project src/Domain \
    --context "${provider}ETicketDbContext" --output-dir "Persistence/Migrations/$provider"
done
rm -f src/Domain/design-time.db*
