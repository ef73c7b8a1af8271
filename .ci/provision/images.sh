#!/usr/bin/env bash
# Builds stand-ins for the official postgres, redis and node images from Debian's
# packages, for machines that reach no container registry. The base is a Debian root
# filesystem made by mmdebstrap and loaded with `docker import`.
# Prints the E2E_*_IMAGE settings that point the suite at them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
base=e2e-airgap/debian:bookworm

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq mmdebstrap >/dev/null; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "provision: building $base with mmdebstrap (about a minute)" >&2
  mmdebstrap --quiet --variant=minbase --include=postgresql-15,redis-server,ca-certificates,curl,procps \
    bookworm "$work/rootfs.tar"
  docker import "$work/rootfs.tar" "$base" >/dev/null
fi

node_bin=$(command -v node)
node_ctx=$(mktemp -d)
cp "$node_bin" "$node_ctx/node"
cp "$here/images/node/Dockerfile" "$node_ctx/"
node_version=$("$node_bin" --version)
docker build -q --build-arg BASE="$base" -t "e2e-airgap/node:${node_version#v}" "$node_ctx" >/dev/null
rm -rf "$node_ctx"
docker build -q --build-arg BASE="$base" -t e2e-airgap/postgres:15 "$here/images/postgres" >/dev/null
docker build -q --build-arg BASE="$base" -t e2e-airgap/redis:7 "$here/images/redis" >/dev/null
echo "provision: stand-in images ready" >&2

echo "E2E_POSTGRES_IMAGE=e2e-airgap/postgres:15"
echo "E2E_REDIS_IMAGE=e2e-airgap/redis:7"
echo "E2E_NODE_IMAGE=e2e-airgap/node:${node_version#v}"
