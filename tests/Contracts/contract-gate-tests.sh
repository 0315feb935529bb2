#!/usr/bin/env bash
# Tests of the contract gate (scripts/contract-gate.sh): the contracts as they stand pass it, and a copy broken the way
# an integrator would be hurt by fails it. Prints one line per test and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0

# $1: what the test shows, $2: expected gate outcome (pass|fail), $3: a function that edits the copy in the folder $1
check() {
  local what=$1 expected=$2 edit=$3 copy outcome
  copy=$(mktemp -d)
  cp -r protos/. "$copy"
  "$edit" "$copy"
  if scripts/contract-gate.sh "$copy" >"$copy.log" 2>&1; then outcome=pass; else outcome=fail; fi
  if [ "$outcome" = "$expected" ]; then
    passed=$((passed + 1)); echo "passed: $what"
  else
    failed=$((failed + 1)); echo "FAILED: $what (the gate answered $outcome)"; sed 's/^/    /' "$copy.log"
  fi
  rm -rf "$copy" "$copy.log"
}

unchanged() { :; }
renumber_a_field() { sed -i 's/^  string etag = 21;/  string etag = 99;/' "$1/ki/applications/v1/applications.proto"; grep -q 'etag = 99' "$1/ki/applications/v1/applications.proto"; }
remove_a_field() { sed -i '/^  string etag = 21;/d' "$1/ki/applications/v1/applications.proto"; }
add_an_undocumented_rpc() {
  sed -i 's|^  rpc GetPostPlan(GetPostPlanRequest) returns (PostPlan);|&\n  rpc Undocumented(GetPostPlanRequest) returns (PostPlan);|' "$1/ki/staffing/v1/post_plans.proto"
}
add_a_documented_field() {
  sed -i 's|^  string etag = 21;|&\n  // A field added in a compatible way.\n  string added_field = 99;|' "$1/ki/applications/v1/applications.proto"
}

check "the contracts as they stand pass the gate" pass unchanged
check "a field added with its comment passes the gate" pass add_a_documented_field
check "a renumbered field fails the gate" fail renumber_a_field
check "a removed field fails the gate" fail remove_a_field
check "an RPC without a comment fails the gate" fail add_an_undocumented_rpc
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
