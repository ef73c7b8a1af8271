import { createServer } from 'node:net';
import { PortInUse } from './errors.ts';

/** A port free on 127.0.0.1 right now. Callers bind it promptly; a lost race is retried. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Start-up attempts when a chosen port was taken before its service could bind it. */
const ATTEMPTS = 3;

/** Runs a stack's start again, on other ports, when one it chose was taken meanwhile. */
export async function retryOnTakenPort<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (!(error instanceof PortInUse) || attempt === ATTEMPTS) throw error;
      process.stderr.write(`[e2e] ${error.message} Starting the stack again on other ports.\n`);
    }
  }
}
