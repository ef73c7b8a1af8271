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
// HTML and blob reporters copy them.
import type { FullConfig, FullResult, Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { readSecrets } from '../redaction/ledger.ts';
import { filesUnder, redactContent, redactFile, redactText } from '../redaction/redact.ts';

export default class ScrubSecrets implements Reporter {
  private outputDirs: string[] = [];

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig): void {
    this.outputDirs = [...new Set(config.projects.map((project) => project.outputDir))];
  }

  onStepBegin(_test: TestCase, _result: TestResult, step: TestStep): void {
    this.scrubStep(step, readSecrets());
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    this.scrubStep(step, readSecrets());
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
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
  }

  onEnd(_result: FullResult): void {
    const secrets = readSecrets();
    for (const dir of this.outputDirs) for (const file of filesUnder(dir)) redactFile(file, secrets);
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
