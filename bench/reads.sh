#!/usr/bin/env bash
# Cached-read throughput of the Applications and Staffing services with h2load, side by side with a bare gRPC endpoint in the
# same run: GetApplication and GetCoverage against the running stack (started here and stopped afterwards), and
# GetApplication against a bare Kestrel gRPC server that answers from memory (bench/ReadsBench bare). A second baseline
# answers the same way but carries the platform's telemetry, exporting to the stack's dashboard as the services do
# (bench/ReadsBench bare-instrumented): what a call costs any platform service before its own pipeline, the dashboard
# that ingests the telemetry on the same cores included. A third also authenticates the bearer token as the services do
# (bench/ReadsBench bare-authenticated): the framework's part of a service's pipeline, before the service's own.
# Staffing in the same run: eight KIs approved through the stack (bench/ReadsBench prepare-staffing), the cached
# GetPostPlan of one as its municipality against the same baselines, then FillPost commands per second with p50/p99
# (bench/ReadsBench fill: each municipality staffing its own plan at once).
# Funding in the same run: approvals for the period of the month ahead published on the broker at once (BENCH_GRANTS,
# default 300), timed until Funding has decided every grant, issued or queued for budget (bench/ReadsBench grants), then
# the cached GetFundingOverview as MAIS against the same baselines, and, after the fills, disbursement commands per second
# with p50/p99 (bench/ReadsBench disburse: sixteen of those grants made final, each municipality calling off 1.00 EUR and
# MAIS approving it, all at once).
# Notifications in the same run: ApplicationSubmitted events published on the broker at a steady rate (BENCH_NOTICE_RATE
# per second, default 500, for BENCH_NOTICE_SECONDS, default 10) while MAIS streams its inbox live (bench/ReadsBench
# notices): event -> inbox item and event -> live push, p50/p95/p99.
# Usage: bench/reads.sh [seconds per measurement, default 20] [connections, default 16] [streams per connection, default 8]
# The services record a tenth of the traces, as a deployment would (BENCH_TRACE_SAMPLE_RATIO; empty records all, as
# the development stack does).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-16}
streams=${3:-8}
bare_port=5299
instrumented_port=5298
authenticated_port=5297
otlp_endpoint=http://localhost:19080 # the dashboard's OTLP address (AppHost/Properties/launchSettings.json)
source scripts/prerequisites.sh
ensure_prerequisites
if ! command -v h2load >/dev/null 2>&1; then
  log "Installing h2load (nghttp2-client)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nghttp2-client >/dev/null
fi
work=$(mktemp -d)
chmod 755 "$work" # the local PostgreSQL runs as the postgres user and must reach its data below
source bench/stack.sh
bare_pid="" instrumented_pid="" authenticated_pid=""
cleanup() {
  local pid
  for pid in "$bare_pid" "$instrumented_pid" "$authenticated_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  stop_stack
  rm -rf "$work"
}
trap cleanup EXIT

# The dashboard accepts telemetry only with the AppHost's OTLP key: a fresh one for this run lets the instrumented
# baseline export there too.
otlp_key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
start_stack AppHost__OtlpApiKey="$otlp_key"

dotnet build bench/ReadsBench -c Release --nologo -v quiet >/dev/null
bench_tool=bench/ReadsBench/bin/Release/net10.0/KiPlatform.ReadsBench.dll
municipality_token=$(scripts/dev-token.sh municipality 05913 --data-root "$work/data")
laki_token=$(scripts/dev-token.sh laki --data-root "$work/data")
dotnet "$bench_tool" prepare http://127.0.0.1:5101 "$municipality_token" "$work" >/dev/null
# Eight KIs approved through the stack, so Staffing has plans to serve and staff (signing key in the environment only).
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" dotnet "$bench_tool" prepare-staffing http://127.0.0.1:5101 http://127.0.0.1:5102 "$work"
plan_token=$(scripts/dev-token.sh municipality "$(cat "$work/plan-ags.txt")" --data-root "$work/data")
mais_token=$(scripts/dev-token.sh mais --data-root "$work/data")
# Grants from approval events, on the stack's broker.
broker=$(stack_broker)
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" ConnectionStrings__messaging="$broker" \
  dotnet "$bench_tool" grants http://127.0.0.1:5101 http://127.0.0.1:5103 "${BENCH_GRANTS:-300}" "$work"
dotnet "$bench_tool" bare "$bare_port" "$work/application.bin" &
bare_pid=$!
# The telemetry settings the AppHost gives every service (as its AppHost/Telemetry/TraceSampling.cs and Aspire do).
sampler=()
[ -n "$trace_sample_ratio" ] && sampler=(Telemetry__TraceSampleRatio="$trace_sample_ratio")
start_like_a_service() { # baseline mode, port: a baseline with the settings the AppHost gives a service
  local mode=$1 port=$2
  env ASPNETCORE_ENVIRONMENT=Development OTEL_SERVICE_NAME="$mode" OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_endpoint" \
    OTEL_EXPORTER_OTLP_PROTOCOL=grpc OTEL_EXPORTER_OTLP_HEADERS="x-otlp-api-key=$otlp_key" OTEL_METRIC_EXPORT_INTERVAL=1000 \
    OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_METRICS_EXEMPLAR_FILTER=trace_based "${sampler[@]}" \
    dotnet "$bench_tool" "$mode" "$port" "$work/application.bin" >"$work/$mode.log" 2>&1 &
}
start_like_a_service bare-instrumented "$instrumented_port"
instrumented_pid=$!
# The services' signing key (generated by the AppHost in this run's data root) validates the bench's tokens there too;
# handed over in the environment only, never on a command line.
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" start_like_a_service bare-authenticated "$authenticated_port"
authenticated_pid=$!
await_baseline() { # pid, port, log (may be empty): waits until it listens; a baseline that ended instead stops the run
  until (exec 3<>/dev/tcp/127.0.0.1/$2) 2>/dev/null; do
    kill -0 "$1" 2>/dev/null || { echo "The baseline on port $2 ended before it listened." >&2; [ -n "$3" ] && cat "$3" >&2; exit 1; }
    sleep 0.2
  done
}
await_baseline "$bare_pid" "$bare_port" ""
await_baseline "$instrumented_pid" "$instrumented_port" "$work/bare-instrumented.log"
await_baseline "$authenticated_pid" "$authenticated_port" "$work/bare-authenticated.log"

# The Applications service as the AppHost started it (its own executable, built in Release above).
service_pid=$(service_pid Applications)
staffing_pid=$(service_pid Staffing)
funding_pid=$(service_pid Funding)
plan_url="http://127.0.0.1:5102/ki.staffing.v1.PostPlanService/GetPostPlan"
get_url="http://127.0.0.1:5101/ki.applications.v1.ApplicationService/GetApplication"
coverage_url="http://127.0.0.1:5101/ki.applications.v1.MunicipalityService/GetCoverage"
overview_url="http://127.0.0.1:5103/ki.funding.v1.FundingPeriodService/GetFundingOverview"
bare_url="http://127.0.0.1:$bare_port/ki.applications.v1.ApplicationService/GetApplication"
instrumented_url="http://127.0.0.1:$instrumented_port/ki.applications.v1.ApplicationService/GetApplication"
authenticated_url="http://127.0.0.1:$authenticated_port/ki.applications.v1.ApplicationService/GetApplication"

load() { # seconds, url, body file, token (may be empty): unary gRPC calls with h2load
  local auth=()
  [ -n "$4" ] && auth=(-H "authorization: Bearer $4")
  h2load -D "$1" -c "$connections" -m "$streams" -t 1 -d "$3" -H 'content-type: application/grpc' -H 'te: trailers' "${auth[@]}" "$2"
}

rate() { awk '/^finished in/ {print int($4)}'; }

warm_up() { # url, body file, token: fills the caches and lets the JIT tier up the hot paths
  # Tiering up takes tens of seconds on two busy cores: load in 5 s rounds until a round gains less than 5 % on the one
  # before (at least three rounds, at most twelve), so the measurement sees the steady state a long-running service has.
  local previous=0 current round
  for round in $(seq 1 12); do
    current=$(load 5 "$@" | rate)
    (( round >= 3 && current * 100 < previous * 105 )) && break
    previous=$current
  done
  echo "  warmed up $1 in $((round * 5)) s, last round $current req/s" >&2
}

# CPU time (user + system, in clock ticks) of one process, and of the whole machine.
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
tick_us=$((1000000 / $(getconf CLK_TCK)))

measure() { # variable to store the req/s in, label, url, body file, token (may be empty), pid of the serving process
  local into=$1
  shift
  local out process_before machine_before process_after machine_after
  process_before=$(process_ticks "$5") machine_before=$(machine_ticks)
  out=$(load "$seconds" "$2" "$3" "$4")
  process_after=$(process_ticks "$5") machine_after=$(machine_ticks)
  local rps ok latency
  rps=$(awk '/^finished in/ {print $4}' <<<"$out")
  ok=$(awk '/^status codes:/ {print $3}' <<<"$out")
  latency=$(awk '/^time for request:/ {print "mean " $6 ", sd " $7}' <<<"$out")
  # gRPC errors travel as HTTP 200 with an empty body and a grpc-status trailer: the data per response tells them apart.
  local data calls=$(( ok > 0 ? ok : 1 ))
  data=$(grep '^traffic:' <<<"$out" | grep -o '([0-9]*) data' | tr -dc '0-9')
  local per_response=$(( data / calls ))
  # Throughput on shared cores follows from CPU per call: the server's own, and the machine's (h2load, the dashboard
  # ingesting telemetry and the idle stack included).
  local server_us=$(( (process_after - process_before) * tick_us / calls ))
  local machine_us=$(( (machine_after - machine_before) * tick_us / calls ))
  printf '%-30s %10s req/s   %s responses, %s bytes of data each   latency %s   CPU per call: server %s µs, machine %s µs\n' \
    "$1" "$rps" "$ok" "$per_response" "$latency" "$server_us" "$machine_us"
  printf -v "$into" '%s' "$rps"
}

share() { awk -v part="$1" -v whole="$2" 'BEGIN { printf "%.0f %%", 100 * part / whole }'; }
shares_of() { echo "GetApplication $(share "$get" "$1"), GetCoverage $(share "$coverage" "$1"), laki $(share "$laki" "$1")"; } # baseline req/s

warm_up "$bare_url" "$work/get.bin" "$municipality_token"
warm_up "$instrumented_url" "$work/get.bin" "$municipality_token"
warm_up "$authenticated_url" "$work/get.bin" "$municipality_token"
warm_up "$get_url" "$work/get.bin" "$municipality_token"
warm_up "$coverage_url" "$work/coverage.bin" "$laki_token"
warm_up "$plan_url" "$work/get-plan.bin" "$plan_token"
warm_up "$overview_url" "$work/overview.bin" "$mais_token"
echo "h2load: ${seconds}s each after warming each up, $connections connections x $streams streams, one client thread; $(nproc) cores shared by everything; traces sampled: ${trace_sample_ratio:-all}"
measure bare_without_token "bare GetApplication, no token" "$bare_url" "$work/get.bin" "" "$bare_pid"
# The baseline proper receives the very request the service does, bearer token included (the bare server ignores it):
# a client sends the token on every call (.NET's HTTP/2 client never indexes headers, nor does h2load "authorization"),
# so reading it is the transport's cost of that request, not the service's.
measure bare "bare GetApplication" "$bare_url" "$work/get.bin" "$municipality_token" "$bare_pid"
measure instrumented "bare, platform telemetry" "$instrumented_url" "$work/get.bin" "$municipality_token" "$instrumented_pid"
measure authenticated "bare, telemetry, authentication" "$authenticated_url" "$work/get.bin" "$municipality_token" "$authenticated_pid"
measure get "GetApplication (cached)" "$get_url" "$work/get.bin" "$municipality_token" "$service_pid"
measure coverage "GetCoverage (cached)" "$coverage_url" "$work/coverage.bin" "$laki_token" "$service_pid"
measure laki "GetApplication, laki token" "$get_url" "$work/get.bin" "$laki_token" "$service_pid"
measure plan "GetPostPlan (cached), owner" "$plan_url" "$work/get-plan.bin" "$plan_token" "$staffing_pid"
measure overview "GetFundingOverview (cached)" "$overview_url" "$work/overview.bin" "$mais_token" "$funding_pid"
echo "Cached reads as a share of the bare endpoint given the same request: $(shares_of "$bare") (target 50 %); of the bare endpoint without a token: $(shares_of "$bare_without_token")"
echo "The bare endpoint with the platform's telemetry reaches $(share "$instrumented" "$bare") of the bare one; of it, the cached reads reach: $(shares_of "$instrumented")"
echo "With the platform's authentication as well it reaches $(share "$authenticated" "$bare") of the bare one; of it, the cached reads reach: $(shares_of "$authenticated")"
echo "Cached GetPostPlan reaches $(share "$plan" "$authenticated") of the platform floor (target 75 %), $(share "$plan" "$bare") of the bare endpoint"
echo "Cached GetFundingOverview reaches $(share "$overview" "$authenticated") of the platform floor (target 75 %), $(share "$overview" "$bare") of the bare endpoint"
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" dotnet "$bench_tool" fill http://127.0.0.1:5102 "$seconds"
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" dotnet "$bench_tool" disburse http://127.0.0.1:5103 "$seconds"
# Last, on a stack some minutes old: in its first minutes the same load measured seconds, not milliseconds
# (docs/benchmarks.md), which is its start, not its steady state.
Authentication__DevelopmentSigningKey="$(cat "$signing_key_file")" ConnectionStrings__messaging="$broker" \
  dotnet "$bench_tool" notices http://127.0.0.1:5104 "${BENCH_NOTICE_RATE:-500}" "${BENCH_NOTICE_SECONDS:-10}"
