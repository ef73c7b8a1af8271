// First reporter of every run: replaces the run's secrets (redaction/) in what
// tests leave behind, before any other reporter prints, serializes or copies it.
//
// Why scrub rather than keep secrets out: a trace is most useful with its network log,
// and Playwright offers no option to drop headers or bodies from it; throwaway tokens
// would still be live while the run lasts, and passwords would still be typed in clear.
// Scrubbing keeps the whole trace and removes exactly the values that matter.
//
// Reporters are called in order, the per-test hooks synchronously, so the list, HTML,
// JUnit and blob reporters after this one only see redacted steps (a Fill step's title
// and params carry the typed password), errors, output and attachment bodies. Files
// (traces, screenshots, error context) are redacted at the end of the run, before the
// HTML and blob reporters copy them; a file that cannot be redacted is deleted, and the
// run fails naming it. What tests print is redacted where it is written (fixtures/tenant.ts).
//
// SIGTERM (what a CI timeout sends) is handled as Ctrl-C is: the files so far are
// redacted at once, then the run stops the way Playwright stops on SIGINT, which ends in
// onEnd and its redaction of whatever was written meanwhile. A second SIGTERM redacts
// again and exits at once.
import { rmSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { readSecrets } from '../redaction/ledger.ts';
import { filesUnder, redactContent, redactFile, redactText } from '../redaction/redact.ts';

export default class ScrubSecrets implements Reporter {
  private outputDirs: string[] = [];
  private unredactable: string[] = [];

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig): void {
    this.outputDirs = [...new Set(config.projects.map((project) => project.outputDir))];
    let terms = 0;
    process.on('SIGTERM', () => {
      this.redactFiles();
      // A second SIGTERM is a second Ctrl-C: stop now; the next run's sweep removes the stacks.
      // So is one that comes when Playwright no longer listens for Ctrl-C (the run is ending).
      if ((terms += 1) > 1 || process.listenerCount('SIGINT') === 0) process.exit(143);
      process.stderr.write('[e2e] SIGTERM: redacted what the run wrote so far; stopping as on Ctrl-C\n');
      process.emit('SIGINT');
    });
  }

  onStepBegin(_test: TestCase, _result: TestResult, step: TestStep): void {
    this.scrubStep(step, readSecrets());
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    this.scrubStep(step, readSecrets());
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const secrets = readSecrets();
    [result.error, ...result.errors].forEach((error) => this.scrubError(error, secrets));
    result.steps.forEach((step) => this.scrubStep(step, secrets, true));
    for (const chunks of [result.stdout, result.stderr]) {
      chunks.forEach(
        (chunk, i) => (chunks[i] = typeof chunk === 'string' ? redactText(chunk, secrets) : (redactContent(chunk, secrets) ?? chunk)),
      );
    }
    for (const attachment of result.attachments) {
      if (attachment.body) (attachment as { body: Buffer }).body = redactContent(attachment.body, secrets) ?? attachment.body;
    }
    // The verdict copies an error's first line into an annotation; any test may add one.
    for (const annotation of [...test.annotations, ...result.annotations]) {
      if (annotation.description) annotation.description = redactText(annotation.description, secrets);
    }
  }

  async onEnd(_result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    this.redactFiles();
    if (this.unredactable.length === 0) return undefined;
    process.stderr.write(
      `[e2e] secret scrubbing failed for ${this.unredactable.length} file(s), deleted so nothing is published in clear; the run fails:\n  ${this.unredactable.join('\n  ')}\n`,
    );
    return { status: 'failed' };
  }

  /** Redacts every output file; one that cannot be (a corrupt zip, a full disk) is deleted and remembered. */
  private redactFiles(): void {
    const secrets = readSecrets();
    for (const dir of this.outputDirs) {
      for (const file of filesUnder(dir)) {
        try {
          redactFile(file, secrets);
        } catch (error) {
          rmSync(file, { force: true });
          this.unredactable.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
  }

  private scrubStep(step: TestStep, secrets: string[], deep = false): void {
    const mutable = step as { title: string; params?: Record<string, unknown> };
    mutable.title = redactText(step.title, secrets);
    if (mutable.params) mutable.params = JSON.parse(redactText(JSON.stringify(mutable.params), secrets)) as Record<string, unknown>;
    this.scrubError(step.error, secrets);
    if (deep) step.steps.forEach((child) => this.scrubStep(child, secrets, true));
  }

  private scrubError(error: TestError | undefined, secrets: string[]): void {
    if (!error) return;
    for (const key of ['message', 'stack', 'value', 'snippet'] as const) if (error[key]) error[key] = redactText(error[key], secrets);
    this.scrubError(error.cause, secrets);
  }
}
