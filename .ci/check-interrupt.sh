#!/usr/bin/env bash
# Kills a whole test run with SIGKILL once its stacks are up, starts a new run, and checks
# that the new run's sweep left nothing of the suite: no containers, networks, processes
# or scratch folders. Usage: .ci/check-interrupt.sh containers|local
set -euo pipefail
mode=$1
scratch=$(node -e "console.log(require('node:os').tmpdir())")/e2e-regression-suite

leftovers() {
  local n=0
  if docker info >/dev/null 2>&1; then
    n=$((n + $(docker ps -aq --filter label=e2e-regression-suite | wc -l)))
    n=$((n + $(docker network ls -q --filter label=e2e-regression-suite | wc -l)))
  fi
  n=$((n + $(pgrep -fc "redis-server 127\.0\.0\.1:|app/api/src/main\.ts|app/web/server\.ts|postgres -D $scratch" || true)))
  n=$((n + $(find "$scratch" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)))
  echo "$n"
}

stacks_up() {
  if [ "$mode" = containers ]; then
    [ "$(docker ps -q --filter label=e2e-regression-suite | wc -l)" -ge 4 ]
  else
    [ "$(find "$scratch" -name pids 2>/dev/null | xargs -r cat | wc -l)" -ge 4 ]
  fi
}

setsid env E2E_STACK="$mode" npx playwright test --project=replay >/tmp/e2e-interrupted-run.log 2>&1 &
group=$!
for _ in $(seq 1 240); do stacks_up && break; sleep 0.5; done
stacks_up || { echo "interrupt check ($mode): stacks never came up"; tail -20 /tmp/e2e-interrupted-run.log; exit 1; }
kill -KILL -- "-$group"
wait "$group" 2>/dev/null || true
before=$(leftovers)

E2E_STACK="$mode" npx playwright test --project=replay --grep "no session" --reporter=line >/tmp/e2e-sweeping-run.log 2>&1 || {
  echo "interrupt check ($mode): the run after the kill failed"; tail -30 /tmp/e2e-sweeping-run.log; exit 1; }
after=$(leftovers)
grep -h "swept" /tmp/e2e-sweeping-run.log || true
if [ "$before" -eq 0 ] || [ "$after" -ne 0 ]; then
  echo "interrupt check ($mode): FAILED: $before leftovers after SIGKILL, $after after the next run (want >0, then 0)"
  exit 1
fi
echo "interrupt check ($mode): $before leftovers after SIGKILL, 0 after the next run's sweep"
