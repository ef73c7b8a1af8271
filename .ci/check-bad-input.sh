#!/usr/bin/env bash
# Bad input must stop the run with a short, actionable message and no stack trace.
# Not covered here: E2E_STACK=containers with no engine, which needs the engine stopped
# (check by hand: stop dockerd, run E2E_STACK=containers npx playwright test).
set -uo pipefail
cd "$(dirname "$0")/.."
failures=0

expect_message() { # name, expected text, command...
  local name=$1 want=$2
  shift 2
  local out
  out=$("$@" 2>&1)
  if [ $? -eq 0 ] || ! grep -qF -- "$want" <<<"$out" || grep -qE '^\s+at .+:[0-9]+:[0-9]+' <<<"$out"; then
    echo "bad input ($name): FAILED; wanted '$want' and no stack trace, got:"
    sed 's/^/  /' <<<"$out" | head -15
    failures=$((failures + 1))
  else
    echo "bad input ($name): ok"
  fi
}

expect_message "unknown E2E_STACK" "is not a stack mode" env E2E_STACK=kubernetes npx playwright test --list
expect_message "unknown bug switch" "Unknown bug switch 'no-such-bug'" env E2E_BUGS=no-such-bug npx playwright test --list
expect_message "external without URLs" "E2E_STACK=external needs" env E2E_STACK=external npx playwright test --project=replay

env_backup=$(mktemp)
[ -f .env ] && cp .env "$env_backup"
printf 'E2E_WORKERS=1\nthis line is not a setting\n' >.env
expect_message "malformed .env" "line 2: this line is not a setting" npx playwright test --list
if [ -s "$env_backup" ]; then cp "$env_backup" .env; else rm -f .env; fi
rm -f "$env_backup"

# local mode without redis-server: a PATH holding node and the basics, but no redis.
bare=$(mktemp -d)
for tool in node sh env bash; do ln -s "$(command -v "$tool")" "$bare/$tool"; done
expect_message "local without redis-server" "needs redis-server on PATH" \
  env PATH="$bare" E2E_STACK=local node node_modules/@playwright/test/cli.js test --project=replay
rm -rf "$bare"

exit $((failures > 0))
