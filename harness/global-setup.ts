// Runs once per `playwright test`, before any worker: checks the browser, says which stack
// mode the config chose (once), makes the machine ready, and starts the run's shared stack,
// which every worker attaches to (its facts carry the mode), and the broker of its own
// stack for tests that disturb one.
// Its teardown stops both, after a Ctrl-C too, and says how many stacks the run started;
// it fails the run when the shared api logged a schema error (see schema-errors.ts) or a
// piece of a secret (secret-fragments.ts).
import type { FullConfig } from '@playwright/test';
import { recordSecrets, resetSecretLedger } from '../redaction/ledger.ts';
import { checkBrowserInstalled } from './browser.ts';
import { requestedBrowser } from './env.ts';
import { HarnessError, bootSummary, prepareStack, stackModes, startRunStacks } from './index.ts';
import { chosenStackMode } from './mode-choice.ts';
import { schemaErrorReport, schemaErrors } from './schema-errors.ts';
import { secretFragmentReport, secretFragments } from './secret-fragments.ts';

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  checkBrowserInstalled(requestedBrowser());
  // stderr: stdout belongs to reporters (json, junit to stdout).
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  if (!config.reporter.some(([name]) => name.includes('scrub-secrets'))) {
    log(
      'warning: --reporter replaced the configured reporters, scrubber included: traces and reports of this run keep tokens and passwords. Put ./reporters/scrub-secrets.ts first, e.g. --reporter=./reporters/scrub-secrets.ts,line',
    );
  }
  const { mode: name, why } = chosenStackMode(config);
  log(`stack mode: ${name} (${why})`);
  const mode = stackModes[name];
  await prepareStack(mode, log);
  resetSecretLedger();
  const run = await startRunStacks(mode);
  recordSecrets('run-stack', run.facts.secrets);
  return async () => {
    // Every test's requests and jobs on the shared stack, read once (own-stack tests are read one by one).
    const apiLog = await run.shared
      ?.logs('api')
      .catch((error: Error) => void log(`api log scans (schema errors, secret pieces) skipped: ${error.message}`));
    const drift = schemaErrors(apiLog ?? '');
    const leaked = secretFragments(apiLog ?? '', run.facts.secrets);
    await run.stop();
    log(bootSummary());
    if (drift.length) throw new HarnessError(schemaErrorReport(drift, "on the run's shared stack"));
    if (leaked.length) throw new HarnessError(secretFragmentReport(leaked, "of the run's shared stack"));
  };
}
