import { defineConfig, devices } from '@playwright/test';
import type { Options } from './fixtures/test.ts';
import { chromiumArgs, chromiumExecutable } from './harness/browser.ts';
import { extraBugSwitches, loadDotEnv, requestedStackMode } from './harness/env.ts';

// Fail on a malformed .env, a wrong E2E_STACK or an unknown E2E_BUGS before anything starts.
loadDotEnv();
requestedStackMode();
extraBugSwitches();

const ci = Boolean(process.env.CI);

export default defineConfig<Options>({
  testDir: './tests',
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
  reporter: ci
    ? [['list'], ['./reporters/incident-coverage.ts'], ['html', { open: 'never' }], ['junit', { outputFile: 'test-results/junit.xml' }]]
    : [['list'], ['./reporters/incident-coverage.ts']],
  use: {
    ...devices['Desktop Chrome'],
    // Keep traces only where they matter: a failing test's trace is the first thing to open.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  projects: [
    { name: 'replay', use: { bugMode: 'fixed' } },
    { name: 'reintroduced', use: { bugMode: 'reintroduced' } },
  ],
});
