// Test mode only: the bug switches a test turned on for its own requests. Its browser
// context sends them in a header, so tests running in parallel each get their own.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BUG_SWITCHES_HEADER, type BugSwitch, parseBugSwitches } from '../../shared/bug-switches.ts';

declare module 'fastify' {
  interface FastifyRequest {
    bugSwitches: ReadonlySet<BugSwitch> | null;
  }
}

export { bugOn } from '../../shared/bug-switches.ts';

/** For hooks that run before the header is parsed (in front of CORS): the names it carries, unchecked. */
export const inHeader = (request: FastifyRequest) => ({
  bugSwitches: String(request.headers[BUG_SWITCHES_HEADER] ?? '').split(',') as BugSwitch[],
});

export function bugSwitchesFromHeader(app: FastifyInstance, testMode: boolean) {
  app.decorateRequest('bugSwitches', null);
  if (!testMode) return;
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers[BUG_SWITCHES_HEADER];
    if (typeof header !== 'string' || header === '') return;
    try {
      request.bugSwitches = new Set(parseBugSwitches(header.split(',')));
    } catch (error) {
      return reply.code(400).send({ error: 'bad_request', message: (error as Error).message });
    }
  });
}
