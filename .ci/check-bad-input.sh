#!/usr/bin/env bash
# Bad input and broken machines must stop the run with one short, actionable paragraph:
# a non-zero exit, the expected words, no stack trace, and at most a few lines. Each case
# below reproduces one for real. Run from the repository root after `npm run setup`.
set -uo pipefail
cd "$(dirname "$0")/.."
node_bin="$PWD/node_modules/.bin/node"
failures=0
scratch=$(mktemp -d)
saved_env="$scratch/dotenv"
restore() {
  if [ -f "$saved_env" ]; then mv "$saved_env" .env; else rm -f .env; fi
  if [ -L "$scratch/hidden-node" ]; then mv "$scratch/hidden-node" node_modules/.bin/node; fi
  pkill -f "$scratch" 2>/dev/null || true
  rm -rf "$scratch"
}
[ -f .env ] && cp .env "$saved_env"
trap restore EXIT INT TERM

report() { # name, verdict, output
  if [ "$2" = ok ]; then echo "bad input ($1): ok"; else
    echo "bad input ($1): FAILED: $2; got:"
    sed 's/^/  /' <<<"$3" | head -20
    failures=$((failures + 1))
  fi
}

# The output, minus npm's warnings about this machine's own npmrc and the harness's
# progress lines, must be one short paragraph holding `want`, with no stack frame.
expect_message() { # name, expected text, command...
  local name=$1 want=$2 out code started=$SECONDS
  shift 2
  out=$("$@" 2>&1)
  code=$?
  local said
  said=$(grep -v -e '^npm warn' -e '^\[e2e\] stack mode' -e '^stack mode:' -e '^$' <<<"$out")
  if [ "$code" -eq 0 ]; then report "$name" "exited 0" "$out"
  elif ! grep -qF -- "$want" <<<"$said"; then report "$name" "no '$want'" "$out"
  elif grep -qE '^\s+at .+:[0-9]+:[0-9]+' <<<"$said"; then report "$name" "a stack trace" "$out"
  elif [ "$(wc -l <<<"$said")" -gt 12 ]; then report "$name" "more than a short paragraph" "$out"
  else report "$name" ok ""; echo "  ($((SECONDS - started)) s) $(head -c 160 <<<"$said" | head -n 1)"
  fi
}

# Settings.
expect_message "unknown E2E_STACK" "is not a stack mode" env E2E_STACK=kubernetes npx playwright test --list
expect_message "unknown bug switch" "unknown bug switch or incident 'no-such-bug'" env E2E_BUGS=no-such-bug npx playwright test --list
expect_message "E2E_WORKERS=two" "is not a worker count" env E2E_WORKERS=two npx playwright test --list
expect_message "E2E_WORKERS=0" "is not a worker count" env E2E_WORKERS=0 npx playwright test --list
printf 'E2E_WORKERS=1\nthis line is not a setting\n' >.env
expect_message "malformed .env" "line 2: this line is not a setting" npx playwright test --list
rm -f .env
[ -f "$saved_env" ] && cp "$saved_env" .env

# A run in which every selected test is skipped tested nothing: red, with the reasons.
expect_message "no test ran" "No test ran" env E2E_STACK=local npx playwright test --project=replay health-host-allowlist

# The machine: an old Node (the project's own hidden, as on a machine where npm ci did not
# install it), no browser, no redis-server, a DOCKER_HOST that does not answer.
if [ -x /usr/bin/node ] && ! /usr/bin/node harness/require-node.mjs 2>/dev/null; then
  mv node_modules/.bin/node "$scratch/hidden-node"
  expect_message "old Node: npx playwright test" "This suite needs Node >=" npx playwright test --list
  expect_message "old Node: npm test" "This suite needs Node >=" npm test
  expect_message "old Node: npm run stack" "This suite needs Node >=" npm run stack
  mv "$scratch/hidden-node" node_modules/.bin/node
else
  report "old Node" "no Node older than package.json's engines on this machine to try it with" ""
fi
expect_message "browser not installed" "is not installed" env E2E_BROWSER=firefox npx playwright test
expect_message "E2E_CHROMIUM missing" "there is no browser there" env E2E_CHROMIUM=/no/such/chromium npx playwright test
bare="$scratch/bare-path"
mkdir -p "$bare"
for tool in sh env bash id; do ln -s "$(command -v "$tool")" "$bare/$tool"; done
ln -s "$node_bin" "$bare/node"
expect_message "local without redis-server" "needs redis-server on PATH" \
  env PATH="$bare" E2E_STACK=local "$node_bin" node_modules/@playwright/test/cli.js test --project=replay
expect_message "DOCKER_HOST not answering" "DOCKER_HOST=unix://$scratch/no.sock does not answer" \
  env DOCKER_HOST="unix://$scratch/no.sock" npx playwright test --project=replay

# A service that dies during start-up: named, with the end of its own output, at once.
shim="$scratch/broken-redis"
mkdir -p "$shim"
printf '#!/bin/sh\necho "*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***" >&2\nexit 1\n' >"$shim/redis-server"
chmod +x "$shim/redis-server"
expect_message "local: redis-server exits at start" "redis-server exited during start-up" \
  env PATH="$shim:$PATH" E2E_STACK=local npm run --silent stack
if docker info >/dev/null 2>&1; then
  # An api image that is only the Node base: its container exits at once.
  node_image=$(grep -h '^E2E_NODE_IMAGE=' .e2e/setup.env 2>/dev/null | cut -d= -f2)
  expect_message "containers: api exits at start" "api exited during start-up" \
    env E2E_STACK=containers E2E_API_IMAGE="${node_image:-node:24-bookworm-slim}" npm run --silent stack
  # The reported case: an image baked with the system's Node 20.
  if [ -x /usr/bin/node ] && ! /usr/bin/node harness/require-node.mjs 2>/dev/null; then
    context="$scratch/old-node-image"
    mkdir -p "$context" && cp /usr/bin/node .ci/images/node/Dockerfile "$context/"
    docker build -q --build-arg BASE=e2e-airgap/debian:bookworm -t e2e-check/old-node "$context" >/dev/null 2>&1
    expect_message "containers: node image too old" "and the app needs Node >=" \
      env E2E_STACK=containers E2E_NODE_IMAGE=e2e-check/old-node npm run --silent stack
    docker rmi -f e2e-check/old-node >/dev/null 2>&1
  fi
fi

# A port the harness chose, taken before its service binds it: the stack starts on others;
# taken at every try: the port is named.
expect_message "port taken at every try" "could not listen on port" "$node_bin" .ci/port-taken.ts always
out=$("$node_bin" .ci/port-taken.ts once 2>&1)
if [ $? -eq 0 ] && grep -q "Starting the stack again on other ports" <<<"$out"; then report "port taken once" ok ""; else report "port taken once" "no retry on other ports" "$out"; fi

# External: a stack that does not answer is named once, before any test.
expect_message "external without URLs" "E2E_STACK=external needs" env E2E_STACK=external npx playwright test --project=replay
expect_message "external not answering" "the stack does not answer" env E2E_STACK=external \
  E2E_WEB_URL=http://127.0.0.1:9 E2E_API_URL=http://127.0.0.1:9 E2E_DATABASE_URL=postgres://u:p@127.0.0.1:9/app E2E_REDIS_URL=redis://127.0.0.1:9 E2E_HOOK_SECRET=unused \
  npx playwright test --project=replay

# npm run stack ends with its npm, whether npm is asked to stop or killed outright.
for signal in TERM KILL; do
  log="$scratch/stack-$signal.log"
  E2E_STACK=local setsid npm run stack >"$log" 2>&1 &
  disown
  for _ in $(seq 1 120); do grep -q "Ctrl-C stops everything" "$log" && break; sleep 0.5; done
  kill "-$signal" "$(pgrep -f '^npm run stack' | head -n 1)" 2>/dev/null
  left=1
  for _ in $(seq 1 40); do
    left=$(pgrep -fc "harness/cli.ts|$PWD/app/api/src/main.ts|$PWD/app/web/server.ts" || true)
    [ "$left" -eq 0 ] && break
    sleep 0.5
  done
  if [ "$left" -eq 0 ] && grep -q "Ctrl-C stops everything" "$log"; then report "npm run stack: SIG$signal to npm" ok ""; else report "npm run stack: SIG$signal to npm" "$left processes outlived npm" "$(cat "$log")"; fi
done

exit $((failures > 0))
