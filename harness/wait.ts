import { createConnection } from 'node:net';
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

/** Whether something accepts TCP connections there. */
export function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
