# Sourced by the benchmarks that need the whole stack: starts ./run.sh in Release on a fresh data root under $work
# (the caller's temporary folder) and stops it on exit, and reads the stack's broker address.
# Needs: $work set, scripts/prerequisites.sh sourced. Sets: stack_pid, signing_key_file.

stack_pid=""
trace_sample_ratio=${BENCH_TRACE_SAMPLE_RATIO-0.1}

# start_stack [extra environment assignments...]: every service healthy, or the stack's log and exit 1.
start_stack() {
  log "Starting the stack (./run.sh) on a fresh data root, built in Release as it would be deployed, sampling ${trace_sample_ratio:-all} of the traces"
  env Configuration=Release Infrastructure__DataRoot="$work/data" Telemetry__TraceSampleRatio="$trace_sample_ratio" "$@" \
    setsid ./run.sh >"$work/stack.log" 2>&1 &
  stack_pid=$!
  local port
  for port in 5201 5202 5203 5204; do
    until [ "$(curl -s --max-time 2 "http://127.0.0.1:$port/health" || true)" = "Healthy" ]; do
      kill -0 "$stack_pid" 2>/dev/null || { cat "$work/stack.log"; exit 1; }
      sleep 1
    done
  done
  signing_key_file="$work/data/credentials/token-signing-key"
}

stop_stack() {
  [ -n "$stack_pid" ] && kill -TERM -- -"$stack_pid" 2>/dev/null && wait "$stack_pid" 2>/dev/null || true
}

# service_pid Applications|Staffing|Funding|Notifications: the process of that service in the stack.
service_pid() {
  pgrep -f "^$PWD/services/$1/bin/Release/net10.0/KiPlatform.$1( |\$)"
}

# The broker's address (with its password), read from the Funding process the AppHost started: hand it over in the
# environment only, never on a command line.
stack_broker() {
  tr '\0' '\n' <"/proc/$(service_pid Funding)/environ" | sed -n 's/^ConnectionStrings__messaging=//p'
}
