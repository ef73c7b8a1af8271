// First, on any Node: a Node too old for the suite gets one paragraph, not a stack trace.
import './harness/require-node.mjs';
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { bugSwitchesFromEnv } from './catalog/incidents.ts';
import type { Options } from './fixtures/index.ts';
import { browserUse } from './harness/browser.ts';
import { loadDotEnv, requestedBrowser, requestedStackMode, requestedWorkers } from './harness/env.ts';
import { stackModeMetadata } from './harness/mode-choice.ts';

// A malformed .env, a wrong E2E_STACK, E2E_BROWSER or E2E_WORKERS, an unknown E2E_BUGS, or
// no Docker engine where E2E_STACK or DOCKER_HOST asks for one, stops the run before
// anything starts, with the message alone (Playwright would print a config error inside
// brackets). The stack mode is chosen here, once per run: see harness/mode-choice.ts.
const settings = await (async () => {
  try {
    loadDotEnv();
    requestedStackMode();
    bugSwitchesFromEnv();
    const browser = requestedBrowser();
    const workers = requestedWorkers(availableParallelism() + 1);
    return { browser, workers, metadata: await stackModeMetadata() };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
})();
const { browser } = settings;

const ci = Boolean(process.env.CI);

export default defineConfig<Options>({
  testDir: './tests',
  // For global setup, which starts the stacks in this mode; reports carry it too.
  metadata: settings.metadata,
  // Every test carries its engine, so reports merged across the nightly browser matrix keep them apart.
  tag: `@${browser}`,
  globalSetup: './harness/global-setup.ts',
  // Tests are isolated by tenant, so any two may run at once.
  fullyParallel: true,
  forbidOnly: ci,
  // Retries would turn a flaky replay into a green one; a replay must fail every time or never.
  retries: 0,
  // Workers share the run's stack, so a worker costs a browser, not a stack. One more than
  // the cores is the fastest, or within run-to-run noise of it, in both modes
  // (bench/results.md, docs/speed.md).
  // Override with E2E_WORKERS or --workers.
  workers: settings.workers,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // A concise list while it runs, then the HTML report to browse (`npm run report`; never
  // opened by itself). CI adds JUnit for its summary and blob so shards merge into one
  // report. The coverage table closes every run, and a run in which every test was skipped
  // fails. The secret scrubber goes first, so every reporter after it sees redacted results
  // and traces.
  reporter: [
    ['./reporters/scrub-secrets.ts'],
    ['list'],
    ['./reporters/incident-coverage.ts'],
    ['./reporters/nothing-ran.ts'],
    ['html', { open: 'never' }],
    ...(ci ? ([['junit', { outputFile: 'test-results/junit.xml' }], ['blob']] as const) : []),
    ...(process.env.E2E_PROVE_SCRUBBING ? ([['json', { outputFile: 'test-results/scrubbing-proof.json' }]] as const) : []),
  ],
  use: {
    ...browserUse(browser),
    // Keep traces only where they matter: a failing test's trace is the first thing to open.
    // DOM snapshots of every action, without the screencast film strip: the film strip
    // cost 18% of the whole suite's wall time on 2 cores, and failures attach a screenshot.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  // Projects are queued in this order. Resilience first: its service restarts take turns
  // on the run's own stack, and the other projects' tests fill the gaps around them.
  projects: [
    // Not incidents: restarts, fuzzing and the authorization matrix, against the fixed app.
    { name: 'resilience', use: { bugMode: 'fixed' }, testMatch: 'resilience/**/*.spec.ts' },
    // One spec per catalog incident, in both: green with the fix, red with its bug back.
    { name: 'replay', use: { bugMode: 'fixed' }, testIgnore: 'resilience/**' },
    // Its failures are expected, so "on failure" would keep nothing: keep every trace and
    // screenshot, which show what each bug looks like.
    {
      name: 'reintroduced',
      use: { bugMode: 'reintroduced', trace: { mode: 'on', screenshots: false }, screenshot: 'on' },
      testIgnore: 'resilience/**',
    },
    // Only for `node .ci/check-secrets.ts --prove-paths`: prints, annotates and traces planted secrets.
    ...(process.env.E2E_PROVE_SCRUBBING
      ? [
          {
            name: 'secrets-proof',
            testDir: './.ci',
            testMatch: 'planted-secrets.spec.ts',
            use: { bugMode: 'fixed' as const, trace: 'on' as const },
          },
        ]
      : []),
  ],
});
