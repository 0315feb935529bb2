#!/usr/bin/env bash
# Approvals through the whole platform at a steady offered rate: ApplicationApproved events published on the stack's
# broker as Applications publishes them, each followed through Staffing (its post plan), Funding (its grant, issued or
# queued once the budget is spent) and Notifications (the grant notice in the municipality's inbox). Prints, per
# rate, the rate reached and approval -> grant notice in the inbox, p50/p95/p99 (bench/ReadsBench pipeline).
# Usage: bench/pipeline.sh [seconds per rate, default 20] [rates per second, default "50 100"]
# The stack starts here (Release, fresh data root, a tenth of the traces sampled as a deployment would) and stops after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
rates=${2:-50 100}
source scripts/prerequisites.sh
ensure_prerequisites
work=$(mktemp -d)
chmod 755 "$work" # the local PostgreSQL runs as the postgres user and must reach its data below
source bench/stack.sh
trap 'stop_stack; rm -rf "$work" 2>/dev/null || true' EXIT
start_stack
dotnet build bench/ReadsBench -c Release --nologo -v quiet >/dev/null
broker=$(stack_broker)
for rate in $rates; do
  Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" ConnectionStrings__messaging="$broker" \
    dotnet bench/ReadsBench/bin/Release/net10.0/KiPlatform.ReadsBench.dll pipeline \
    http://127.0.0.1:5101 http://127.0.0.1:5103 http://127.0.0.1:5104 "$rate" "$seconds"
done
echo "$(nproc) cores shared by the stack, its servers and this load; traces sampled: ${trace_sample_ratio:-all}"
