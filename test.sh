#!/usr/bin/env bash
# Builds the solution and runs every test: unit tests, and end-to-end tests against the whole AppHost with real
# PostgreSQL, RabbitMQ and Redis (local server binaries, installed here when missing). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_prerequisites local
log "Building"
dotnet build KiPlatform.sln -nologo -v quiet -clp:NoSummary

log "Testing"
output=$(mktemp)
KI_TEST_REPORT=$(mktemp)
export KI_TEST_REPORT
trap 'rm -f "$output" "$KI_TEST_REPORT"' EXIT
set +e
dotnet test --solution KiPlatform.sln --no-build 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e
cat "$KI_TEST_REPORT" # what tests report beside their verdict, e.g. how many bad-input cases were tried

# Each test project reports "total: / failed: / succeeded: / skipped:"; the last block of the run sums them up.
count() { grep -E "^\s*$1: [0-9]+" "$output" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crash before any test counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
