import { HarnessError } from './errors.ts';

/**
 * Polls a readiness probe until it answers true. Harness-only: tests wait on what the
 * user sees, never on a poll loop.
 */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, explain?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      const details = explain ? `\n${await explain()}` : '';
      throw new HarnessError(`${what} was not ready within ${timeoutMs / 1000} s.${details}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
