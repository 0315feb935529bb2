#!/usr/bin/env bash
# Runs the whole KiPlatform stack: the Aspire AppHost with its dashboard, PostgreSQL, RabbitMQ, Redis, the development
# mail server and the four services, seeded. Ctrl+C stops everything it started.
# Settings (environment): Infrastructure__Mode=auto|containers|local, Infrastructure__DataRoot=<folder> (default ./.data),
# Configuration=Debug|Release (default Debug; the services run in the configuration the AppHost was built in).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_prerequisites
log "Building"
configuration=${Configuration:-Debug}
dotnet build AppHost/KiPlatform.AppHost.csproj -c "$configuration" -nologo -v quiet -clp:NoSummary
log "Starting the AppHost. Dashboard: http://localhost:15080 (the login link with its token follows below)"
exec dotnet run --project AppHost/KiPlatform.AppHost.csproj -c "$configuration" --launch-profile http --no-build
