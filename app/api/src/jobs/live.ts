// Live job updates. Whoever changes a job announces it on a Redis channel; every api
// process relays it to the sockets watching that job. One socket per job: the client
// authenticates with its first frame (tokens stay out of URLs and access logs), gets the
// current status, then each change, plus keep-alive `pong` frames. The server closes the
// socket once the job is terminal.
import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import {
  type ClientFrame,
  JOB_UPDATES_CHANNEL,
  type JobFrame,
  type JobStatus,
  isTerminal,
  jobStatuses,
} from '../../../shared/api-types.ts';
import { AuthFailure, type Sessions } from '../auth/sessions.ts';
import { type JobsRepository, type StoredJob, UUID, publicJob } from './repository.ts';
import { routes } from '../../../shared/routes.ts';

const AUTH_TIMEOUT_MS = 5_000;
/** A client sends an auth frame and pings: anything bigger is not ours (ws closes it with 1009). */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Frames a socket may send per window before it is closed as a flood. */
const FLOOD = { frames: 40, windowMs: 5_000 };

/** Close codes the client acts on: 4401 sign in again, 4404 no such job; 1000 job finished. */
export const closeCodes = {
  finished: 1000,
  unsupportedData: 1003,
  policy: 1008,
  serverError: 1011,
  unauthorized: 4401,
  forbiddenOrigin: 4403,
  notFound: 4404,
  demoMode: 4503,
} as const;

/** Any client can send anything: only an object with a known type and the fields it needs is a frame. */
export function parseClientFrame(text: string): ClientFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const frame = value as Record<string, unknown>;
  if (frame.type === 'ping') return { type: 'ping' };
  if (frame.type === 'auth' && typeof frame.token === 'string') return { type: 'auth', token: frame.token };
  return undefined;
}

/** A change as announced on the channel. Whatever else arrives there is dropped, never relayed or thrown on. */
function parseAnnouncement(message: string): StoredJob | undefined {
  let job: Record<string, unknown>;
  try {
    job = JSON.parse(message) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof job !== 'object' || job === null) return undefined;
  const strings = ['id', 'tenantId', 'userId', 'prompt', 'createdAt', 'updatedAt'].every((key) => typeof job[key] === 'string');
  const nullableStrings = ['result', 'error'].every((key) => job[key] === null || typeof job[key] === 'string');
  const known = jobStatuses.includes(job.status as JobStatus) && Number.isFinite(job.progress);
  return strings && nullableStrings && known ? (job as unknown as StoredJob) : undefined;
}

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
    subscriber.subscribe(JOB_UPDATES_CHANNEL).then(
      () => {
        listening = true;
        if (listenedBefore) local.emit(RESYNC);
        listenedBefore = true;
      },
      () => {},
    );
  });
  subscriber.on('message', (_channel, message: string) => {
    const job = parseAnnouncement(message);
    if (!job) return log.warn({ bytes: message.length }, 'ignored a malformed job announcement');
    local.emit(job.id, job);
  });
  return {
    announce(job: StoredJob) {
      // Polling still brings the change if Redis is down; say so, do not fail the write.
      publisher
        .publish(JOB_UPDATES_CHANNEL, JSON.stringify(job))
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
  app.get<{ Params: { id: string } }>(routes.jobLive, { websocket: true }, (socket, request) => {
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

    // One auth frame per socket: a second one, even while the first is checked, is ignored.
    let authenticating = false;
    let frames = 0;
    const floodWindow = setInterval(() => (frames = 0), FLOOD.windowMs);
    cleanup.push(() => clearInterval(floodWindow));
    const open = () => socket.readyState === socket.OPEN;

    async function authenticate(token: string) {
      if (!UUID.test(request.params.id)) return socket.close(closeCodes.notFound, 'no such job');
      const user = await deps.sessions.verifyAccess(token);
      const job = await deps.jobs.get(user, request.params.id);
      if (!job) return socket.close(closeCodes.notFound, 'no such job');
      if (await deps.inDemoMode(user.tenantId)) return socket.close(closeCodes.demoMode, 'no live updates in demo mode');
      // Closed while we were checking: its cleanup has run, so nothing may be registered now.
      if (!open()) return;
      const relay = (next: StoredJob) => {
        send({ type: 'status', job: publicJob(next) });
        if (isTerminal(next.status)) socket.close(closeCodes.finished, 'job finished');
      };
      const reread = () =>
        void deps.jobs.byId(job.id).then(
          (current) => current && open() && relay(current),
          () => {}, // the next change, or the page's own polling, brings it
        );
      cleanup.push(deps.updates.watch(job.id, relay, reread));
      const keepalive = setInterval(() => send({ type: 'pong', at: new Date().toISOString() }), deps.keepaliveMs);
      cleanup.push(() => clearInterval(keepalive));
      // Read again after subscribing, so a change made in between is not missed.
      const current = (await deps.jobs.byId(job.id)) ?? job;
      if (open()) relay(current);
    }

    socket.on('message', (raw: Buffer, isBinary: boolean) => {
      if (++frames > FLOOD.frames) return socket.close(closeCodes.policy, 'too many frames');
      if (isBinary) return socket.close(closeCodes.unsupportedData, 'frames are JSON text');
      const frame = parseClientFrame(raw.toString());
      if (!frame) return send({ type: 'error', message: 'Frames are JSON: {"type":"auth","token":"…"} or {"type":"ping"}.' });
      if (frame.type === 'ping') return send({ type: 'pong', at: new Date().toISOString() });
      if (authenticating) return;
      authenticating = true;
      clearTimeout(authTimer);
      authenticate(frame.token).catch((error: unknown) => {
        const refused = error instanceof AuthFailure;
        request.log[refused ? 'info' : 'error']({ err: error instanceof Error ? error.message : 'unknown' }, 'live socket refused');
        // A dependency that fails is not the user's fault: the client reconnects instead of signing in again.
        if (open()) socket.close(refused ? closeCodes.unauthorized : closeCodes.serverError, refused ? 'sign in again' : 'try again');
      });
    });
  });
}
