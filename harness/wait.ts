import { setTimeout as delay } from 'node:timers/promises';
import { HarnessError } from './errors.ts';

/**
 * Polls a readiness probe until it answers true. Harness-only: tests wait on what the
 * user sees, never on a poll loop. `explain` adds what the service printed to a timeout;
 * `signal` ends the wait early (the service exited meanwhile).
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  { explain, signal }: { explain?: () => Promise<string>; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!signal?.aborted) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      const details = explain ? ` The last lines of its output:\n${await explain()}` : '';
      throw new HarnessError(`${what} was not ready within ${timeoutMs / 1000} s.${details}`);
    }
    await delay(100);
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
