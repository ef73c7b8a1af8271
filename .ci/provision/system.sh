#!/usr/bin/env bash
# Debian packages the suite needs on a bare machine: Chromium (Playwright's own download
# is unreachable here) and redis-server (local mode). Idempotent.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "provision: installed ${missing[*]}" >&2
fi
# Debian's redis-server package starts a system instance; the suite starts its own.
systemctl disable --now redis-server >/dev/null 2>&1 || true
