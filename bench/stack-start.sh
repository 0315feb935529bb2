#!/usr/bin/env bash
# Measures how long ./run.sh takes from the end of its build until every service (and so everything it waits for)
# reports Healthy, the peak memory the stack adds to the machine meanwhile, and each service's peak memory once the
# first wave (tools/Cli first-wave) has gone through
# (compare runs side by side: other load on the machine counts too). Starts the stack, measures, stops it again.
# Usage: bench/stack-start.sh [runs]   (each run reuses the data of the previous one: the first run on an empty
# data root measures the first start, later runs a restart). Stops the stack with SIGTERM, as a service manager
# would: a background job ignores SIGINT.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
health_ports=(5201 5202 5203 5204)
deadline_seconds=300

used_kib() { # memory in use on the whole machine: the orchestrator re-parents the servers, so no one process tree holds them
  awk '/^MemTotal/ {t=$2} /^MemAvailable/ {a=$2} END {print t - a}' /proc/meminfo
}

all_healthy() {
  for port in "${health_ports[@]}"; do
    [ "$(curl -s --max-time 2 "http://127.0.0.1:$port/health" || true)" = "Healthy" ] || return 1
  done
}

dotnet build tools/Cli -nologo -v quiet -clp:NoSummary # the client that plays the first wave, built outside the timing
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  baseline=$(used_kib)
  setsid ./run.sh >"$log" 2>&1 &
  pid=$!
  build_started=$(date +%s.%N)
  until grep -q 'Starting the AppHost' "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
  done
  started=$(date +%s.%N)
  peak=0
  until all_healthy; do
    rss=$(( $(used_kib) - baseline )); [ "$rss" -gt "$peak" ] && peak=$rss
    if (( $(echo "$(date +%s.%N) - $started > $deadline_seconds" | bc) )); then
      echo "run $run: not healthy within ${deadline_seconds}s"; kill -TERM -- -"$pid"; exit 1
    fi
    sleep 0.5
  done
  healthy=$(date +%s.%N)
  for _ in $(seq 1 10); do rss=$(( $(used_kib) - baseline )); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.5; done
  printf 'run %d: build+prerequisites %.1f s, start to all healthy %.1f s, peak memory %d MiB\n' \
    "$run" "$(echo "$started - $build_started" | bc)" "$(echo "$healthy - $started" | bc)" $((peak / 1024))
  # Each service's peak memory (its process's high-water mark, VmHWM) once the first wave has gone through the stack.
  dotnet tools/Cli/bin/Debug/net10.0/ki.dll first-wave >/dev/null
  for service in applications:5101 staffing:5102 funding:5103 notifications:5104; do
    service_pid=$(ss -ltnpH "sport = :${service#*:}" | grep -oP 'pid=\K[0-9]+' | head -n 1)
    printf 'run %d: %s peak memory after the first wave %d MiB\n' "$run" "${service%:*}" \
      $(( $(awk '/^VmHWM/ {print $2}' "/proc/$service_pid/status") / 1024 ))
  done
  stopping=$(date +%s.%N)
  kill -TERM -- -"$pid"
  # The orchestrator stops the servers after the AppHost has gone; wait until nothing of the run is left.
  leftovers=""
  for _ in $(seq 1 240); do
    leftovers=$(pgrep -f -- "$(pwd)/(services|AppHost)|rabbitmq|redis-server|postgres -D $(pwd)|epmd -port|smtp4dev|orchestration" || true)
    [ -z "$leftovers" ] && break
    sleep 0.5
  done
  [ -z "$leftovers" ] || { echo "run $run: processes left running 120 s after shutdown: $(echo $leftovers)"; exit 1; }
  printf 'run %d: everything stopped %.1f s after SIGTERM\n' "$run" "$(echo "$(date +%s.%N) - $stopping" | bc)"
  rm -f "$log"
done
