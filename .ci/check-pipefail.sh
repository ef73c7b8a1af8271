#!/usr/bin/env bash
# The nightly's test step, `npx playwright test … | tee log`, with one failing test, under
# the shell GitHub Actions gives a step: with the workflow's `shell: bash` it must fail;
# under the implicit default (bash -e, no pipefail) the same line exits 0, which is why
# lint:workflows refuses it. The failing test: a replay with its bug switched on.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step='E2E_STACK=local E2E_BUGS=stale-persisted-auth npx playwright test --project=replay tests/session-expiry-loop.spec.ts 2>&1 | tee "$0"'

with_bash=0
bash --noprofile --norc -eo pipefail -c "$step" "$log" >/dev/null || with_bash=$?
grep -qE '[0-9]+ failed' "$log" || { echo "pipefail: the failing test did not fail; nothing was proven"; exit 1; }
implicit=0
bash -e -c "$step" "$log" >/dev/null || implicit=$?

echo "pipefail: one failing test piped to tee: shell: bash exits $with_bash, the implicit default exits $implicit"
[ "$with_bash" -ne 0 ] && [ "$implicit" -eq 0 ]
