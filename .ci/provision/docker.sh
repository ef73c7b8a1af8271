#!/usr/bin/env bash
# Makes a Docker engine answer on this machine: installs Debian's docker.io when absent
# and starts dockerd in the background when nothing answers. Idempotent. Exits non-zero,
# with the reason, where it cannot; the suite then runs in local mode.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/.ci/provision/lib.sh"
log=${E2E_DOCKERD_LOG:-/var/log/e2e-dockerd.log}

# Docker gives each container's host-side interface an IPv6 link-local address, and
# Chromium aborts every request in flight when an address appears (net::ERR_NETWORK_CHANGED):
# a test's page fails because another test restarted a container. New interfaces get none.
quiet_interfaces() {
  [ "$(sysctl -n net.ipv6.conf.default.disable_ipv6 2>/dev/null)" = 1 ] && return 0
  if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
    as_root sysctl -qw net.ipv6.conf.default.disable_ipv6=1 && say "new network interfaces get no IPv6 address (Chromium aborts requests when Docker adds one)"
  else
    say "warning: Chromium may abort requests when Docker adds interfaces (net::ERR_NETWORK_CHANGED); as root: sysctl -w net.ipv6.conf.default.disable_ipv6=1"
  fi
}

if docker info >/dev/null 2>&1; then
  say "Docker engine: answering"
  quiet_interfaces
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  can_apt || { say "no Docker engine, and apt-get is not usable here: the suite will run in local mode"; exit 1; }
  say "installing docker.io with apt-get"
  apt_install docker.io
fi
[ "$(id -u)" -eq 0 ] || { say "dockerd is installed but not running, and starting it needs root: the suite will run in local mode"; exit 1; }
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    say "Docker engine: started dockerd in the background (log: $log)"
    quiet_interfaces
    exit 0
  fi
  sleep 0.5
done
say "dockerd did not answer within 30 s: the suite will run in local mode. Its log ($log) ends:"
tail -n 5 "$log" >&2
exit 1
