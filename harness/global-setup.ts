// Runs once per `playwright test`: picks the stack mode (printed once), checks the
// machine, builds what the stack needs and sweeps leftovers. Workers inherit the choice
// through E2E_STACK and start their own stacks.
import type { FullConfig } from '@playwright/test';
import { checkBrowserInstalled } from './browser.ts';
import { requestedBrowser } from './env.ts';
import { chooseStackMode, prepareStack } from './index.ts';
import { resetSecretLedger } from './secrets.ts';

export default async function globalSetup(config: FullConfig): Promise<void> {
  checkBrowserInstalled(requestedBrowser());
  // stderr: stdout belongs to reporters (json, junit to stdout).
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  if (!config.reporter.some(([name]) => name.includes('scrub-secrets'))) {
    log('warning: --reporter replaced the configured reporters, scrubber included: traces and reports of this run keep tokens and passwords. Put ./reporters/scrub-secrets.ts first, e.g. --reporter=./reporters/scrub-secrets.ts,line');
  }
  const { mode, why } = await chooseStackMode();
  log(`stack mode: ${mode} (${why})`);
  process.env.E2E_STACK = mode;
  await prepareStack(mode, log);
  resetSecretLedger();
}
