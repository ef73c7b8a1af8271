#!/usr/bin/env bash
# `npm run setup`: takes a bare machine to one where `npx playwright test` runs, using only
# the npm registry and the distribution's packages. Each step is one script here, which
# air-gapped CI can also run on its own, in any order. Idempotent: a second run changes
# nothing. What the test command must know afterwards (stand-in image names) goes to
# .e2e/setup.env, which the suite reads by itself: no PATH or environment edits.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. .ci/provision/lib.sh
started=$SECONDS

# 1. The project's packages, its own Node among them (node_modules/.bin/node).
if [ node_modules/.package-lock.json -nt package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ]; then
  say "npm packages: up to date"
else
  say "npm ci: the project's packages, its own Node included (about a minute)"
  npm ci --no-audit --no-fund --loglevel=error
fi
node_bin=$(bash .ci/provision/node.sh)/node
say "node: $("$node_bin" --version) ($node_bin)"

# 2. A browser, and redis-server for local mode.
bash .ci/provision/system.sh

# 3. Where it can: a Docker engine, and images it can run (the official ones, or stand-ins
#    built from Debian packages where no registry answers).
settings=()
if bash .ci/provision/docker.sh; then
  mapfile -t wanted < <("$node_bin" --input-type=module -e "
    const { images } = await import('./harness/images.ts');
    console.log([images.postgres(), images.redis(), images.node()].join('\n'));")
  pulled=true
  for image in "${wanted[@]}"; do
    docker image inspect "$image" >/dev/null 2>&1 && continue
    say "pulling $image"
    timeout 300 docker pull -q "$image" >/dev/null 2>&1 || { pulled=false; break; }
  done
  if $pulled; then
    say "images: ${wanted[*]}"
  else
    say "no registry answers: stand-in images from Debian packages (built once, two or three minutes)"
    mapfile -t settings < <(bash .ci/provision/images.sh)
  fi
  mode=containers
else
  mode=local
fi

mkdir -p .e2e
{
  echo "# Written by npm run setup for this machine; the suite reads it after .env. Run setup again to refresh."
  if [ ${#settings[@]} -gt 0 ]; then printf '%s\n' "${settings[@]}"; fi
} >.e2e/setup.env
say "ready in $((SECONDS - started)) s. Next: npx playwright test (it will pick $mode mode)"
