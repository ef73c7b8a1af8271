// A run that tested nothing is a failure, never a green: a --grep or --project that
// matched only skipped tests, or a shard with nothing to do, ends red and says why.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { AnnotationType } from '../fixtures/annotations.ts';

export default class NothingRan implements Reporter {
  private readonly skipped = new Map<string, number>();
  private ran = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') {
      this.ran += 1;
      return;
    }
    const reason =
      [...test.annotations, ...result.annotations].find((a) => a.type === AnnotationType.skip)?.description ?? 'no reason given';
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    // --list collects tests without running any; a run already red needs no second reason.
    if (this.ran > 0 || result.status !== 'passed' || process.argv.includes('--list')) return undefined;
    const reasons = [...this.skipped].map(([reason, count]) => `  ${count} × ${reason}`).join('\n');
    console.error(
      `\nNo test ran, so this run proves nothing and fails. Every selected test was skipped${reasons ? `:\n${reasons}` : '.'}\nWiden --grep, --project or the file filter, or run in a stack mode these tests support.`,
    );
    return { status: 'failed' };
  }

  printsToStdio(): boolean {
    return false;
  }
}
