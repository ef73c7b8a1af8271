#!/usr/bin/env bash
# Makes a Docker engine answer on this machine: installs Debian's docker.io when absent
# and starts dockerd in the background when nothing answers. Idempotent.
set -euo pipefail
log=${E2E_DOCKERD_LOG:-/var/log/e2e-dockerd.log}

if docker info >/dev/null 2>&1; then
  echo "provision: Docker engine already answering" >&2
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "provision: dockerd started (log: $log)" >&2
    exit 0
  fi
  sleep 0.5
done
echo "provision: dockerd did not answer within 30 s; see $log" >&2
tail -n 20 "$log" >&2
exit 1
