# Sourced by the provisioning scripts: logging, and installing Debian packages as root
# (directly, or through sudo without a password prompt). Nothing here runs on its own.

say() { printf 'setup: %s\n' "$*" >&2; }

# True when this machine can install Debian packages without asking anyone.
can_apt() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# Runs a command with its output kept back, and shown only if it fails.
quietly() {
  local out
  out=$("$@" 2>&1) || { printf '%s\n' "$out" | tail -n 20 >&2; return 1; }
}

apt_install() { # packages...
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# One paragraph for a machine where setup cannot install what is missing, then exit 1.
cannot_install() { # what is missing (words)
  cat >&2 <<EOF
setup: this machine lacks $1, and setup cannot install it here (it installs with apt-get, as root or through sudo without a password). Install it yourself, then run npm run setup again:
  Debian/Ubuntu:  sudo apt-get install chromium redis-server docker.io   (Ubuntu: npx playwright install --with-deps chromium instead of chromium)
  macOS:          brew install redis; Docker Desktop or colima for containers; npx playwright install chromium
  other Linux:    your package manager's redis (redis-server on PATH) and a Docker or Podman engine; npx playwright install --with-deps chromium
Only one of redis-server and a Docker engine is needed: without Docker the suite runs in local mode.
EOF
  exit 1
}
