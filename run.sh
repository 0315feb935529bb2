#!/usr/bin/env bash
# Runs the whole KiPlatform stack: the Aspire AppHost with its dashboard, PostgreSQL, RabbitMQ, Redis, the development
# mail server and the four services, seeded. Ctrl+C stops everything it started.
# Settings (environment): Infrastructure__Mode=auto|containers|local, Infrastructure__DataRoot=<folder> (default ./.data),
# Configuration=Debug|Release (default Debug; the services run in the configuration the AppHost was built in).
set -euo pipefail
cd "$(dirname "$0")"

# A script started in the background by another script (a supervisor, a test) inherits SIGINT ignored, and bash can
# neither trap nor reset a signal ignored on entry: start once more with the default disposition, so that SIGINT stops
# the stack like SIGTERM and Ctrl+C do. perl is part of every Debian/Ubuntu base system.
sigint_ignored() { [ -r /proc/$$/status ] && (( 0x$(awk '/^SigIgn:/ {print $2}' /proc/$$/status) & 2 )); }
if [ -z "${KI_RUN_SIGNALS_RESET:-}" ] && sigint_ignored && command -v perl >/dev/null 2>&1; then
  KI_RUN_SIGNALS_RESET=1 exec perl -e '$SIG{INT} = "DEFAULT"; exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!\n"' "$PWD/run.sh" "$@"
fi
source scripts/prerequisites.sh

ensure_prerequisites
log "Building"
configuration=${Configuration:-Debug}
dotnet build AppHost/KiPlatform.AppHost.csproj -c "$configuration" -nologo -v quiet -clp:NoSummary
log "Starting the AppHost. Dashboard: http://localhost:15080 (the login link with its token follows below)"
# Not exec'd: `dotnet run` leaves SIGINT to a terminal's process group and ignores one sent to it alone, so this script
# turns SIGINT, SIGTERM and SIGHUP into the SIGTERM that `dotnet run` passes on to the AppHost, which stops every
# process it started.
dotnet run --project AppHost/KiPlatform.AppHost.csproj -c "$configuration" --launch-profile http --no-build &
apphost=$!
trap 'kill -TERM "$apphost" 2>/dev/null || true' INT TERM HUP
status=0
wait "$apphost" || status=$?
while kill -0 "$apphost" 2>/dev/null; do wait "$apphost" || status=$?; done
exit "$status"
