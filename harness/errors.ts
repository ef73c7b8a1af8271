/**
 * A problem the person running the suite can fix. The message says what is wrong and
 * what to do; the runner prints it without a stack trace.
 */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarnessError';
    // Playwright prints `stack` for setup failures; keep it to the actionable message.
    this.stack = `${this.name}: ${message}`;
  }
}
