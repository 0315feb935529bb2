# Sourced by run.sh and test.sh: makes sure this machine has what the stack needs, installing what is missing.
# Debian/Ubuntu only for the server packages; everything else comes through the .NET SDK.

log() { printf '==> %s\n' "$*" >&2; }

container_runtime_answers() {
  { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; } ||
  { command -v podman >/dev/null 2>&1 && timeout 10 podman info >/dev/null 2>&1; }
}

server_binaries_present() {
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null &&
  command -v redis-server >/dev/null 2>&1 &&
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] &&
  command -v epmd >/dev/null 2>&1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; return 1
  fi
}

# Installs PostgreSQL, Redis and RabbitMQ from the distribution. The packages must not start their system-wide
# daemons: the AppHost runs private instances on free ports, each with its own data directory.
install_server_binaries() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "No apt-get here: install PostgreSQL, Redis and RabbitMQ server binaries by hand, or start docker/podman."
    return 1
  fi
  log "Installing postgresql, redis-server and rabbitmq-server (apt-get)"
  local policy=/usr/sbin/policy-rc.d added_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod +x "$policy" && added_policy=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql redis-server rabbitmq-server >/dev/null
  local status=$?
  [ -n "$added_policy" ] && as_root rm -f "$policy"
  return $status
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    log "The .NET SDK 10 is missing (see global.json); install it first: https://dot.net"
    return 1
  fi
}

# Node.js and npm fetch the pinned buf CLI of the contract gate (scripts/contract-gate.sh).
ensure_npm() {
  command -v npm >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || { log "Install Node.js with npm (the contract gate's buf CLI comes from npm)."; return 1; }
  log "Installing nodejs and npm (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
}

# $1: "local" when the local server binaries are required whatever the container runtime says (the tests use them).
ensure_prerequisites() {
  require_dotnet || return 1
  if [ "${1:-}" = "local" ] || ! container_runtime_answers; then
    server_binaries_present || install_server_binaries || return 1
  fi
  restore_dotnet_tools
}

# The first restore of a manifest with two or more tools fails on a CLI home with no tool resolver cache yet (every
# new machine: dotnet/sdk issue 53783); it leaves that cache behind, so a second restore succeeds.
restore_dotnet_tools() {
  log "Restoring the repository's dotnet tools (smtp4dev, dotnet-ef)"
  dotnet tool restore >/dev/null 2>&1 || dotnet tool restore >/dev/null
}
