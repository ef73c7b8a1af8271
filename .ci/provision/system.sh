#!/usr/bin/env bash
# What the suite needs from the system besides Node: a Chromium to drive (Playwright's own
# build when it is installed, else the distribution's: Playwright's download site may be
# unreachable), and redis-server for local mode. Installs what is missing; where it
# cannot, stops with one paragraph saying what to install. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/.ci/provision/lib.sh"
node_bin=$(bash "$root/.ci/provision/node.sh")/node

has_browser() {
  "$node_bin" -e "
    const { existsSync } = require('node:fs');
    let own;
    try { own = require('$root/node_modules/playwright-core').chromium.executablePath(); } catch {}
    const found = [process.env.E2E_CHROMIUM, own, '/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => p && existsSync(p));
    process.exit(found ? 0 : 1);"
}
debian() { grep -qx 'ID=debian' /etc/os-release 2>/dev/null; }

apt_wants=()
if has_browser; then
  say "browser: present"
elif debian && can_apt; then
  # The full browser for headed and UI runs; the headless shell, lighter, for the rest.
  apt_wants+=(chromium chromium-headless-shell)
elif (cd "$root" && PATH="$(dirname "$node_bin"):$PATH" npx --no playwright install chromium >/dev/null 2>&1); then
  say "browser: installed Playwright's Chromium"
else
  cannot_install "a browser (Chromium)"
fi
if command -v redis-server >/dev/null; then
  say "redis-server: present"
elif can_apt; then
  apt_wants+=(redis-server)
elif ! docker info >/dev/null 2>&1; then
  cannot_install "redis-server (and no Docker engine answers)"
fi

if [ ${#apt_wants[@]} -gt 0 ]; then
  say "installing ${apt_wants[*]} with apt-get (a minute or two)"
  apt_install "${apt_wants[@]}"
  # Debian's redis-server package starts a system instance; the suite starts its own.
  as_root systemctl disable --now redis-server >/dev/null 2>&1 || true
  say "installed ${apt_wants[*]}"
fi
