#!/usr/bin/env bash
# Builds stand-ins for the official postgres, redis and node images from Debian's
# packages, for machines that reach no container registry. The base is a Debian root
# filesystem made by mmdebstrap and loaded with `docker import`; the node image gets the
# Node that node.sh finds new enough for the app, never merely the first on PATH.
# Prints the E2E_*_IMAGE settings that point the suite at them. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/.ci/provision/lib.sh"
base=e2e-airgap/debian:bookworm
node_bin=$(bash "$root/.ci/provision/node.sh")/node
node_version=$("$node_bin" --version)

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v mmdebstrap >/dev/null || apt_install mmdebstrap
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  say "building $base with mmdebstrap (about a minute)"
  quietly mmdebstrap --quiet --variant=minbase --include=postgresql-15,redis-server,ca-certificates,curl,procps \
    bookworm "$work/rootfs.tar"
  quietly docker import "$work/rootfs.tar" "$base"
fi

node_ctx=$(mktemp -d)
cp "$node_bin" "$node_ctx/node"
cp "$root/.ci/images/node/Dockerfile" "$node_ctx/"
quietly docker build -q --build-arg BASE="$base" -t "e2e-airgap/node:${node_version#v}" "$node_ctx"
rm -rf "$node_ctx"
quietly docker build -q --build-arg BASE="$base" -t e2e-airgap/postgres:15 "$root/.ci/images/postgres"
quietly docker build -q --build-arg BASE="$base" -t e2e-airgap/redis:7 "$root/.ci/images/redis"
say "stand-in images ready (node ${node_version#v}, postgres 15, redis 7, from Debian packages)"

echo "E2E_POSTGRES_IMAGE=e2e-airgap/postgres:15"
echo "E2E_REDIS_IMAGE=e2e-airgap/redis:7"
echo "E2E_NODE_IMAGE=e2e-airgap/node:${node_version#v}"
