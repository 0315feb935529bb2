#!/usr/bin/env bash
# Outbox throughput and commit-to-consumed latency against real PostgreSQL and RabbitMQ (started for the run in local
# mode, on a temporary data root, and stopped afterwards).
# Usage: bench/outbox.sh [seconds per phase, default 20] [rate of the latency phase in events/s, default 1000] [phases, default commit,rawcommit,publish,drain,steady,latency]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_prerequisites local
dotnet run --project bench/OutboxBench -c Release -- "$@"
