#!/usr/bin/env bash
# Prints a development bearer token, e.g.  scripts/dev-token.sh municipality 05334002  or  scripts/dev-token.sh mais
# Use it with any gRPC client:  grpcurl -plaintext -H "authorization: Bearer $(scripts/dev-token.sh laki)" ...
set -euo pipefail
cd "$(dirname "$0")/.."
if ! build_log=$(dotnet build tools/DevToken --nologo 2>&1); then echo "$build_log" >&2; exit 1; fi
exec dotnet tools/DevToken/bin/Debug/net10.0/KiPlatform.DevToken.dll "$@"
