#!/usr/bin/env bash
# Interrupts test runs and checks that nothing of the suite outlives them: no containers,
# networks, processes or scratch folders. Four interruptions per mode:
#   - SIGKILL of the whole run once its stacks are up: leftovers are certain, and the next
#     run's sweep must remove every one;
#   - SIGINT (Ctrl-C) once a test has passed (one worker, so its stack is surely up): the
#     worker tears its stack down, and nothing may be left even before the next run;
#   - SIGINT at a random point: a stack still starting can be left (Playwright does not
#     tear down a fixture whose setup it interrupted), for the next run's sweep;
#   - SIGKILL at a random point (start-up, global setup, mid-test): the next run's sweep.
# Random points are printed; E2E_INTERRUPT_SEED repeats them.
# Usage: .ci/check-interrupt.sh containers|local
set -euo pipefail
mode=$1
scratch=$(node -e "const os = require('node:os'); console.log(os.tmpdir() + '/e2e-regression-suite-' + os.userInfo().uid)")
RANDOM=${E2E_INTERRUPT_SEED:-$$}
work=$(mktemp -d)
trap 'rm -rf "$work"; docker rm -f "e2e-foreign-$$" >/dev/null 2>&1 || true' EXIT

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

sweeping_run() {
  E2E_STACK="$mode" npx playwright test --project=replay --grep "no session" --reporter=line >"$work/sweeping-run.log" 2>&1 || {
    echo "interrupt check ($mode): the run after the interruption failed"; tail -30 "$work/sweeping-run.log"; exit 1; }
  grep -h "swept" "$work/sweeping-run.log" || true
}

# interrupt SIGNAL WHEN: WHEN is "stacks-up", "testing" (a test passed, one worker) or a
# number of seconds after the start.
interrupt() {
  local signal=$1 when=$2 before after workers=2
  [ "$when" = testing ] && workers=1
  setsid env E2E_STACK="$mode" E2E_WORKERS=$workers npx playwright test --project=replay >"$work/interrupted-run.log" 2>&1 &
  local group=$!
  if [ "$when" = testing ]; then
    for _ in $(seq 1 240); do grep -q "✓" "$work/interrupted-run.log" && break; sleep 0.5; done
    grep -q "✓" "$work/interrupted-run.log" || { echo "interrupt check ($mode): no test passed"; tail -20 "$work/interrupted-run.log"; exit 1; }
  elif [ "$when" = stacks-up ]; then
    for _ in $(seq 1 240); do stacks_up && break; sleep 0.5; done
    stacks_up || { echo "interrupt check ($mode): stacks never came up"; tail -20 "$work/interrupted-run.log"; exit 1; }
  else
    sleep "$when"
  fi
  # Ctrl-C reaches the whole foreground group; so does a kill of the job.
  kill "-$signal" -- "-$group" 2>/dev/null || true
  # A run told to stop gets a minute to tear its stacks down; then it is killed.
  for _ in $(seq 1 120); do kill -0 "$group" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$group" 2>/dev/null || true
  wait "$group" 2>/dev/null || true
  before=$(leftovers)
  sweeping_run
  after=$(leftovers)
  echo "interrupt check ($mode): SIG$signal at $when: $before leftovers after it, $after after the next run's sweep"
  if [ "$after" -ne 0 ]; then echo "interrupt check ($mode): FAILED: $after leftovers remain"; exit 1; fi
  if [ "$signal" = KILL ] && [ "$when" = stacks-up ] && [ "$before" -eq 0 ]; then
    echo "interrupt check ($mode): FAILED: a SIGKILL with stacks up left nothing, so the sweep was not tested"; exit 1
  fi
  if [ "$signal" = INT ] && [ "$when" = testing ] && [ "$before" -ne 0 ]; then
    echo "interrupt check ($mode): FAILED: a Ctrl-C during a test left $before things behind"; exit 1
  fi
}

# A live stack of another host on a shared engine (DOCKER_HOST): its owner's pid means
# nothing here and may look dead, so the sweep must leave it alone.
foreign_stack_survives() {
  local name="e2e-foreign-$$" image
  image=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep -m1 redis)
  docker run -d --name "$name" --label e2e-regression-suite=true --label e2e-regression-suite.owner=1-1 \
    --label e2e-regression-suite.host=another-host:0 --label e2e-regression-suite.stack="$name" "$image" >/dev/null
  sweeping_run
  local survived
  survived=$(docker ps -q --filter "name=$name" | wc -l)
  docker rm -f "$name" >/dev/null
  echo "interrupt check ($mode): another host's stack on this engine, its owner dead by this host's /proc: $survived of 1 survived the sweep"
  [ "$survived" -eq 1 ] || { echo "interrupt check ($mode): FAILED: the sweep removed another host's stack"; exit 1; }
}

interrupt KILL stacks-up
interrupt INT testing
interrupt INT $((RANDOM % 15 + 1))
interrupt KILL $((RANDOM % 15 + 1))
if [ "$mode" = containers ]; then foreign_stack_survives; fi
echo "interrupt check ($mode): ok"
