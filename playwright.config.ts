import { defineConfig } from '@playwright/test';
import type { Options } from './fixtures/test.ts';
import { browserUse } from './harness/browser.ts';
import { extraBugSwitches, loadDotEnv, requestedBrowser, requestedStackMode } from './harness/env.ts';

// Fail on a malformed .env, a wrong E2E_STACK or E2E_BROWSER, or an unknown E2E_BUGS
// before anything starts.
loadDotEnv();
requestedStackMode();
extraBugSwitches();
const browser = requestedBrowser();

const ci = Boolean(process.env.CI);

export default defineConfig<Options>({
  testDir: './tests',
  // Every test carries its engine, so reports merged across the nightly browser matrix keep them apart.
  tag: `@${browser}`,
  globalSetup: './harness/global-setup.ts',
  // Tests are isolated by tenant, so any two may run at once.
  fullyParallel: true,
  forbidOnly: ci,
  // Retries would turn a flaky replay into a green one; a replay must fail every time or never.
  retries: 0,
  // Each worker starts its own stack; two fit a 2-core machine. Override with --workers.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Locally a concise list; in CI also HTML to browse, JUnit for the summary, and blob so
  // shards can be merged into one report. The coverage table closes every run. The secret
  // scrubber goes first, so every reporter after it sees redacted results and traces.
  reporter: ci
    ? [
        ['./reporters/scrub-secrets.ts'],
        ['list'],
        ['./reporters/incident-coverage.ts'],
        ['html', { open: 'never' }],
        ['junit', { outputFile: 'test-results/junit.xml' }],
        ['blob'],
      ]
    : [['./reporters/scrub-secrets.ts'], ['list'], ['./reporters/incident-coverage.ts']],
  use: {
    ...browserUse(browser),
    // Keep traces only where they matter: a failing test's trace is the first thing to open.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // One spec per catalog incident, in both: green with the fix, red with its bug back.
    { name: 'replay', use: { bugMode: 'fixed' }, testIgnore: 'resilience/**' },
    { name: 'reintroduced', use: { bugMode: 'reintroduced' }, testIgnore: 'resilience/**' },
    // Not incidents: restarts, fuzzing and the authorization matrix, against the fixed app.
    { name: 'resilience', use: { bugMode: 'fixed' }, testMatch: 'resilience/**/*.spec.ts' },
  ],
});
