import { createConnection } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { HarnessError } from './errors.ts';

const PROBE_TIMEOUT_MS = 5_000;

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
    // A probe that never settles (a socket closed without a word) counts as not ready.
    const answered = await Promise.race([probe().catch(() => false), delay(PROBE_TIMEOUT_MS, false, { ref: false })]);
    if (answered) return;
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

/** Whether Postgres accepts a session there ("the database system is starting up" does not). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether Redis answers PING there, signed in with the URL's password. */
export function redisPings(url: string): Promise<boolean> {
  const { hostname, port, password } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    let answer = '';
    socket.setTimeout(1000);
    socket.on('connect', () => socket.write(`${password ? `AUTH ${decodeURIComponent(password)}\r\n` : ''}PING\r\n`));
    socket.on('data', (data) => {
      answer += data.toString();
      // An AUTH refused or a PING answered settles it; +OK alone waits for the PONG.
      if (!/^-|\+PONG\r\n/m.test(answer)) return;
      resolve(answer.includes('+PONG') && !answer.startsWith('-'));
      socket.destroy();
    });
    socket.on('error', () => resolve(false));
    // Docker's port proxy accepts, then closes when nothing listens behind it yet: no error, no data.
    socket.on('close', () => resolve(false));
    socket.on('timeout', () => {
      resolve(false);
      socket.destroy();
    });
  });
}
