#!/usr/bin/env bash
# The contract gate: buf lint (protos/buf.yaml) and buf breaking against the published contract (protos/published.binpb).
#   scripts/contract-gate.sh [PROTOS_DIR]   checks PROTOS_DIR (default: protos) and exits non-zero when the gate fails
#   scripts/contract-gate.sh --release      a deliberate release step: records protos/ as the published contract
# Needs Node.js/npm (for the pinned buf CLI) and a restored solution (google/type protos come from the NuGet package).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
buf_version=1.75.0
protos=protos

buf_cli() {
  local prefix=.tools/buf
  local buf="$prefix/node_modules/.bin/buf"
  if [ "$("$buf" --version 2>/dev/null)" != "$buf_version" ]; then
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "@bufbuild/buf@$buf_version" >&2
  fi
  echo "$root/$buf"
}

# A buf workspace: the contracts, beside the google/type protos they import (taken from the Google.Api.CommonProtos
# package the services build with, so no third-party file is kept in the repository).
workspace() {
  local source=$1 ws packages version
  ws=$(mktemp -d)
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  version=$(grep -oP 'Include="Google.Api.CommonProtos" Version="\K[^"]+' Directory.Packages.props)
  mkdir -p "$ws/googleapis/google/type"
  cp "$packages/google.api.commonprotos/$version/content/protos/google/type/"*.proto "$ws/googleapis/google/type/"
  printf 'version: v1\n' > "$ws/googleapis/buf.yaml"
  cp -r "$source" "$ws/protos"
  rm -f "$ws/protos/README.md" "$ws/protos/published.binpb"
  printf 'version: v1\ndirectories:\n  - protos\n  - googleapis\n' > "$ws/buf.work.yaml"
  echo "$ws"
}

buf=$(buf_cli)
if [ "${1:-}" = "--release" ]; then
  ws=$(workspace "$protos")
  (cd "$ws" && "$buf" build protos -o "$root/$protos/published.binpb")
  rm -rf "$ws"
  echo "protos/published.binpb now records the published contract; commit it with the release."
  exit 0
fi

source_dir=$(cd "${1:-$protos}" && pwd)
ws=$(workspace "$source_dir")
trap 'rm -rf "$ws"' EXIT
status=0
(cd "$ws" && "$buf" lint protos) || status=1
(cd "$ws" && "$buf" breaking protos --against "$root/$protos/published.binpb") || status=1
exit $status
