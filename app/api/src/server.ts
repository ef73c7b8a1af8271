import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyError } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import { authGuard } from './auth/guard.ts';
import { authRoutes } from './auth/routes.ts';
import { AuthFailure, sessions as makeSessions } from './auth/sessions.ts';
import { BUG_SWITCHES_HEADER } from '../../shared/bug-switches.ts';
import { bugInHeader, bugOn, bugSwitchesFromHeader } from './bug-switches.ts';
import { realClock, tenantClock } from './clock.ts';
import type { ApiConfig } from './config.ts';
import { healthRoutes } from './health.ts';
import { jobUpdates, liveRoutes } from './jobs/live.ts';
import { providerClient } from './jobs/provider.ts';
import { jobsRepository } from './jobs/repository.ts';
import { jobRoutes } from './jobs/routes.ts';
import { generationQueue } from './jobs/worker.ts';
import { providerStandIn } from './provider-stand-in.ts';
import { RateLimited, rateLimitedBody, registerRateLimit } from './rate-limit.ts';
import { isSchemaError } from './schema.ts';
import { Forbidden, forbiddenBody, settingsRoutes } from './settings.ts';
import { demoModeKey, standInRoutes, testHookRoutes } from './test-hooks.ts';

export async function buildServer(config: ApiConfig, deps: { db: pg.Pool; redis: Redis }) {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    // Every response names its request, so a browser failure can be matched to server logs.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Trusted hosts, checked first. Health checks arrive by internal names (localhost, the
  // service alias), so those belong on the list beside the public ones.
  app.addHook('onRequest', async (request, reply) => {
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    // Bug 'allowlist-without-internal-names': only the public names, as first deployed.
    const internal = config.testMode && bugInHeader(request, 'allowlist-without-internal-names') ? [] : config.internalHosts;
    if (![...config.allowedHosts, ...internal].includes(hostname)) {
      return reply.code(400).send({ error: 'bad_request', message: `Host '${hostname}' is not one of this api's names.` } satisfies ApiErrorBody);
    }
  });

  const legacyApi = /^\/api\/(?!v1\/)/;
  const toV1 = (url: string) => url.replace(/^\/api\//, '/api/v1/');
  if (config.testMode) {
    // Bug 'legacy-api-redirect': the redirect answered in front of the CORS layer.
    app.addHook('onRequest', async (request, reply) => {
      if (legacyApi.test(request.url) && bugInHeader(request, 'legacy-api-redirect')) return reply.redirect(toV1(request.url), 307);
    });
  }

  // CORS first: every answer after it, 429s, errors and redirects included, carries its headers.
  await app.register(cors, {
    origin: config.webOrigins,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', ...(config.testMode ? [BUG_SWITCHES_HEADER] : [])],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  bugSwitchesFromHeader(app, config.testMode);

  const clock = config.testMode ? tenantClock(deps.redis) : realClock;
  await registerRateLimit(app, { redis: deps.redis, clock, config, testMode: config.testMode });
  await app.register(websocket);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AuthFailure) {
      return reply.code(401).send({ error: error.code, message: error.message } satisfies ApiErrorBody);
    }
    if (error instanceof RateLimited) return reply.code(429).send(rateLimitedBody(error));
    if (error instanceof Forbidden) return reply.code(403).send(forbiddenBody(error));
    if (isSchemaError(error) && !bugOn(request, 'unchecked-schema')) {
      request.log.error({ err: error }, 'schema drift');
      return reply.code(503).send({
        error: 'schema_drift',
        message: `The database schema is behind the code (${error.message}); run the migrations.`,
      } satisfies ApiErrorBody);
    }
    if (error.validation) {
      return reply.code(400).send({ error: 'bad_request', message: error.message } satisfies ApiErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    // The request id lets a user's report be matched to this log line.
    const body = JSON.stringify({ error: 'internal', message: `Something went wrong on our side (request ${request.id}).` } satisfies ApiErrorBody);
    if (bugOn(request, 'errors-skip-cors')) {
      // The original crash path answered outside the CORS layer, without its headers.
      reply.hijack();
      reply.raw.writeHead(500, { 'content-type': 'application/json', 'x-request-id': request.id }).end(body);
      return;
    }
    return reply.code(500).type('application/json').send(body);
  });
  // Old clients call /api/...; the versioned path answers, and the redirect keeps CORS.
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/api/*',
    handler: async (request, reply) =>
      legacyApi.test(request.url)
        ? reply.redirect(toV1(request.url), 307)
        : reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiErrorBody),
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiErrorBody),
  );

  const sessions = makeSessions({ db: deps.db, clock, ...config });
  const guard = authGuard(sessions);
  const jobs = jobsRepository(deps.db);
  const provider = providerClient(config);
  const updates = jobUpdates(config.redisUrl, deps.redis, app.log);
  const queue = generationQueue({ redisUrl: config.redisUrl, jobs, provider, announce: updates.announce, log: app.log });

  authRoutes(app, sessions, guard);
  jobRoutes(app, { guard, jobs, provider, queue, updates, clock, stuckAfterMs: config.stuckAfterMs });
  settingsRoutes(app, { db: deps.db, guard });
  liveRoutes(app, {
    sessions,
    jobs,
    updates,
    webOrigins: config.webOrigins,
    keepaliveMs: config.wsKeepaliveMs,
    inDemoMode: async (tenantId) => config.testMode && (await deps.redis.exists(demoModeKey(tenantId)).catch(() => 0)) === 1,
  });
  healthRoutes(app, deps);
  if (config.testMode) {
    const standIn = providerStandIn(config.providerUrl);
    standIn.listen();
    app.addHook('onClose', async () => standIn.close());
    testHookRoutes(app, { db: deps.db, sessions, clock, provider: standIn, refreshTtlSeconds: config.refreshTtlSeconds });
    standInRoutes(app, { redis: deps.redis, clock, provider: standIn });
  }
  app.addHook('onClose', async () => {
    await queue.close();
    await updates.close();
  });
  return app;
}
