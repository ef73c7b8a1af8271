// Live job updates. Whoever changes a job announces it on a Redis channel; every api
// process relays it to the sockets watching that job. One socket per job: the client
// authenticates with its first frame (tokens stay out of URLs and access logs), gets the
// current status, then each change, plus keep-alive `pong` frames. The server closes the
// socket once the job is terminal.
import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { type ClientFrame, type JobFrame, isTerminal } from '../../../shared/api-types.ts';
import type { Sessions } from '../auth/sessions.ts';
import { type JobsRepository, type StoredJob, publicJob } from './repository.ts';

const CHANNEL = 'jobs:updates';
const AUTH_TIMEOUT_MS = 5_000;

/** Close codes the client acts on: 4401 sign in again, 4404 no such job; 1000 job finished. */
export const closeCodes = { finished: 1000, unauthorized: 4401, forbiddenOrigin: 4403, notFound: 4404, demoMode: 4503 } as const;

// Pub/sub keeps nothing for a subscriber that is away: after a reconnect, every watcher
// re-reads its job, so what changed meanwhile still reaches the page.
const RESYNC = Symbol('resync');

export function jobUpdates(redisUrl: string, publisher: Redis, log: { warn(obj: object, msg: string): void }) {
  const local = new EventEmitter().setMaxListeners(0);
  // A subscriber connection cannot run other commands; it queues until Redis is back.
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', () => {});
  let listening = false;
  let listenedBefore = false;
  subscriber.on('close', () => (listening = false));
  // 'ready' comes on the first connection and after every reconnect.
  subscriber.on('ready', () => {
    subscriber.subscribe(CHANNEL).then(
      () => {
        listening = true;
        if (listenedBefore) local.emit(RESYNC);
        listenedBefore = true;
      },
      () => {},
    );
  });
  subscriber.on('message', (_channel, message: string) => {
    const job = JSON.parse(message) as StoredJob;
    local.emit(job.id, job);
  });
  return {
    announce(job: StoredJob) {
      // Polling still brings the change if Redis is down; say so, do not fail the write.
      publisher
        .publish(CHANNEL, JSON.stringify(job))
        .catch((error: Error) => log.warn({ jobId: job.id, err: error.message }, 'announce failed'));
    },
    /** Follows one job's changes; `resync` runs when changes may have been missed. */
    watch(jobId: string, listener: (job: StoredJob) => void, resync: () => void): () => void {
      local.on(jobId, listener);
      local.on(RESYNC, resync);
      return () => {
        local.off(jobId, listener);
        local.off(RESYNC, resync);
      };
    },
    /** Whether changes announced now reach this process's sockets. */
    listening: () => listening,
    close: () => subscriber.quit().catch(() => {}),
  };
}

export type JobUpdates = ReturnType<typeof jobUpdates>;

export function liveRoutes(
  app: FastifyInstance,
  deps: {
    sessions: Sessions;
    jobs: JobsRepository;
    updates: JobUpdates;
    webOrigins: string[];
    keepaliveMs: number;
    /** Tenants in demo mode get no live updates: their sockets are closed, as in the incident. */
    inDemoMode(tenantId: string): Promise<boolean>;
  },
) {
  app.get<{ Params: { id: string } }>('/api/v1/jobs/:id/live', { websocket: true }, (socket, request) => {
    const send = (frame: JobFrame) => socket.send(JSON.stringify(frame));
    // Browsers send Origin on WebSocket handshakes but do not enforce CORS on them.
    if (!deps.webOrigins.includes(request.headers.origin ?? '')) {
      socket.close(closeCodes.forbiddenOrigin, 'origin not allowed');
      return;
    }
    const cleanup: (() => void)[] = [];
    socket.on('close', () => cleanup.forEach((fn) => fn()));
    const authTimer = setTimeout(() => socket.close(closeCodes.unauthorized, 'no auth frame'), AUTH_TIMEOUT_MS);
    cleanup.push(() => clearTimeout(authTimer));

    let watching = false;
    socket.on('message', async (raw: Buffer) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(raw.toString()) as ClientFrame;
      } catch {
        send({ type: 'error', message: 'Frames are JSON.' });
        return;
      }
      if (frame.type === 'ping') return send({ type: 'pong', at: new Date().toISOString() });
      if (frame.type !== 'auth' || watching) return;
      clearTimeout(authTimer);
      try {
        const user = await deps.sessions.verifyAccess(frame.token);
        const job = await deps.jobs.get(user, request.params.id);
        if (!job) return socket.close(closeCodes.notFound, 'no such job');
        if (await deps.inDemoMode(user.tenantId)) return socket.close(closeCodes.demoMode, 'no live updates in demo mode');
        watching = true;
        const relay = (next: StoredJob) => {
          send({ type: 'status', job: publicJob(next) });
          if (isTerminal(next.status)) socket.close(closeCodes.finished, 'job finished');
        };
        const reread = () =>
          void deps.jobs.byId(job.id).then(
            (current) => current && relay(current),
            () => {}, // the next change, or the page's own polling, brings it
          );
        cleanup.push(deps.updates.watch(job.id, relay, reread));
        // Read again after subscribing, so a change made in between is not missed.
        relay((await deps.jobs.byId(job.id)) ?? job);
        const keepalive = setInterval(() => send({ type: 'pong', at: new Date().toISOString() }), deps.keepaliveMs);
        cleanup.push(() => clearInterval(keepalive));
      } catch (error) {
        request.log.info({ err: error instanceof Error ? error.message : error }, 'live socket refused');
        socket.close(closeCodes.unauthorized, 'sign in again');
      }
    });
  });
}
