#!/usr/bin/env bash
# Builds the solution and runs every test: the contract gate (buf lint and breaking-change check of protos/) and its
# tests, unit tests, and end-to-end tests against the whole AppHost with real PostgreSQL, RabbitMQ and Redis (local
# server binaries, installed here when missing). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_prerequisites local
ensure_npm
log "Building"
dotnet build KiPlatform.sln -nologo -v quiet -clp:NoSummary

output=$(mktemp)
gate_output=$(mktemp)
KI_TEST_REPORT=$(mktemp)
export KI_TEST_REPORT
trap 'rm -f "$output" "$gate_output" "$KI_TEST_REPORT"' EXIT
set +e
log "Contract gate"
tests/Contracts/contract-gate-tests.sh | tee "$gate_output"
gate_status=${PIPESTATUS[0]}
log "Testing"
dotnet test --solution KiPlatform.sln --no-build 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e
cat "$KI_TEST_REPORT" # what tests report beside their verdict, e.g. how many bad-input cases were tried

# Each test project reports "total: / failed: / succeeded: / skipped:"; the last block of the run sums them up.
count() { grep -E "^\s*$1: [0-9]+" "$output" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crash before any test counts as a failure
# The gate's tests end with "N passed, N failed"; no such line (a crash) counts as one failure.
read -r gate_passed gate_failed < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$gate_output" | tail -n 1; echo 0 1)
if [ "$gate_status" -ne 0 ] && [ "$gate_failed" -eq 0 ]; then gate_failed=1; fi
passed=$((passed + gate_passed)); failed=$((failed + gate_failed))
# Services' logs fill the run's output; the failed tests and the start of their messages are repeated here, at the end.
awk '/^failed /{n=12; print "---"} n>0 && (/^failed / || /^  /){print; n--; next} {n=0}' "$output"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$gate_status" -eq 0 ]
