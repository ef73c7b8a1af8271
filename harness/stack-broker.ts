// The run's own stack, for tests that stop, restart or alter a service. The runner owns
// it (global setup starts this broker, its teardown stops what the broker started), so it
// is booted at most once per run, whatever the projects and workers, and only if some test
// asks. Tests lease it one at a time over loopback HTTP; the broker runs their service
// controls (a worker cannot signal another process's children) and, when a lease ends,
// brings every service back up, so a test that failed mid-outage leaves nothing broken.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { HarnessError } from './errors.ts';
import { type OwnStack, type ServiceAction, type ServiceName, type StackFacts, serviceActions, serviceNames } from './stack.ts';
import { waitUntil } from './wait.ts';
import { routes } from '../app/shared/routes.ts';

const BROKER = 'E2E_STACK_BROKER';

export interface Lease {
  facts: StackFacts;
  control(service: ServiceName, action: ServiceAction): Promise<void>;
  release(): Promise<void>;
}

/** In the runner: serves leases of one own stack, started on the first lease; without `start`, refuses them. */
export async function startBroker(start: (() => Promise<OwnStack>) | undefined): Promise<{ stop(): Promise<void> }> {
  let stack: Promise<OwnStack> | undefined;
  let holder: number | undefined;
  const waiting: (() => void)[] = [];
  const free = () => {
    holder = undefined;
    waiting.shift()?.();
  };
  // A worker that died holding the lease (killed, crashed) frees it.
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const reaper = setInterval(() => holder !== undefined && !alive(holder) && free(), 1000);
  reaper.unref();

  const routes: Record<string, (body: { pid: number; service?: ServiceName; action?: ServiceAction }) => Promise<unknown>> = {
    async '/lease'({ pid }) {
      // Only a run against an external stack has none to start.
      if (!start) throw new HarnessError('An external stack cannot be disturbed: this test needs a stack the run owns.');
      if (holder !== undefined) await new Promise<void>((resolve) => waiting.push(resolve));
      holder = pid;
      stack ??= start();
      return (await stack).facts;
    },
    async '/control'({ pid, service, action }) {
      if (pid !== holder || !service || !serviceNames.includes(service) || !action || !serviceActions.includes(action))
        throw new HarnessError('No lease held for this control.');
      await (await stack!).services[service][action]();
    },
    async '/release'({ pid }) {
      if (pid !== holder) return;
      const own = await stack!;
      try {
        for (const service of serviceNames) {
          await own.services[service].resume();
          await own.services[service].start();
        }
        // Every dependency back ('ok'), not only answering: 'degraded' answers 200 too, and
        // the next test would start against an api still reconnecting to Redis.
        await waitUntil('the own stack, after a test', () => healthOk(own.apiUrl), 30_000);
      } finally {
        free();
      }
    },
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk));
    request.on('end', () => {
      const route = routes[request.url ?? ''];
      const answer = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (!route) return answer(404, { error: `no route ${request.url}` });
      route(JSON.parse(text || '{}')).then(
        (body) => answer(200, body ?? {}),
        (error: Error) => answer(500, { error: error.message }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env[BROKER] = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    async stop() {
      clearInterval(reaper);
      server.closeAllConnections();
      server.close();
      await (await stack?.catch(() => undefined))?.stop();
    },
  };
}

async function healthOk(apiUrl: string): Promise<boolean> {
  const answer = await fetch(`${apiUrl}${routes.health}`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  return answer?.ok === true && ((await answer.json()) as { status?: string }).status === 'ok';
}

async function ask<T>(path: string, body: object): Promise<T> {
  const broker = process.env[BROKER];
  if (!broker)
    throw new HarnessError(`No stack broker: ${BROKER} is unset. Run the suite with npx playwright test, whose global setup starts it.`);
  const response = await fetch(`${broker}${path}`, { method: 'POST', body: JSON.stringify({ pid: process.pid, ...body }) });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new HarnessError(`The stack broker refused ${path}: ${answer.error}`);
  return answer;
}

/** In a worker: waits for the run's own stack, and holds it until release(). */
export async function leaseOwnStack(): Promise<Lease> {
  const facts = await ask<StackFacts>('/lease', {});
  return {
    facts,
    control: (service, action) => ask('/control', { service, action }),
    release: () => ask('/release', {}),
  };
}
