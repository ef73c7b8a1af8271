import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import { authGuard } from './auth/guard.ts';
import { authRoutes } from './auth/routes.ts';
import { loginThrottle } from './auth/login-throttle.ts';
import { sessions as makeSessions } from './auth/sessions.ts';
import { BUG_SWITCHES_HEADER } from '../../shared/bug-switches.ts';
import { bugSwitchesFromHeader } from './bug-switches.ts';
import { realClock, tenantClock } from './clock.ts';
import type { ApiConfig } from './config.ts';
import { issuedSecrets } from './issued-secrets.ts';
import { legacyRedirect, legacyRedirectBeforeCors, trustedHosts } from './edge.ts';
import { errorHandler } from './error-handler.ts';
import { healthRoutes } from './health.ts';
import { MAX_FRAME_BYTES, jobUpdates, liveRoutes } from './jobs/live.ts';
import { providerClient } from './jobs/provider.ts';
import { jobsRepository } from './jobs/repository.ts';
import { jobRoutes } from './jobs/routes.ts';
import { pendingMigrationGate } from './migrations.ts';
import { generationQueue } from './jobs/worker.ts';
import { providerStandIn } from './provider-stand-in.ts';
import { registerRateLimit } from './rate-limit.ts';
import { settingsRoutes } from './settings.ts';
import { demoModeKey, requireHookSecret, standInRoutes, testHookRoutes } from './test-hooks.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildServer(config: ApiConfig, deps: { db: pg.Pool; redis: Redis }) {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    // While it closes, a request still goes through the hooks, CORS included: Fastify's own
    // 503 would reach the browser without CORS headers, as "Failed to fetch".
    return503OnClosing: false,
    // Every response names its request, so a browser failure can be matched to server logs.
    // A caller's id is kept only when it is a plain token: logs carry nothing a client chose freely.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  trustedHosts(app, config);
  legacyRedirectBeforeCors(app, config.testMode);

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
  const issued = issuedSecrets(config.issuedSecretsFile);
  const sessions = makeSessions({
    db: deps.db,
    clock,
    issued,
    log: app.log,
    loginThrottle: loginThrottle(deps.redis, clock, config),
    ...config,
  });
  const guard = authGuard(sessions);
  await registerRateLimit(app, { redis: deps.redis, clock, config, testMode: config.testMode, callerOf: guard.callerOf });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  app.setErrorHandler(errorHandler);
  legacyRedirect(app);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiErrorBody),
  );

  const jobs = jobsRepository(deps.db);
  const provider = providerClient(config);
  const updates = jobUpdates(config.redisUrl, deps.redis, app.log);
  const queue = generationQueue({
    redisUrl: config.redisUrl,
    stalledMs: config.queueStalledMs,
    jobs,
    provider,
    announce: updates.announce,
    log: app.log,
  });

  authRoutes(app, sessions, guard);
  jobRoutes(app, {
    guard,
    jobs,
    provider,
    queue,
    updates,
    clock,
    stuckAfterMs: config.stuckAfterMs,
    migrationsApplied: pendingMigrationGate(deps.db),
  });
  settingsRoutes(app, { db: deps.db, guard });
  liveRoutes(app, {
    sessions,
    jobs,
    updates,
    webOrigins: config.webOrigins,
    keepaliveMs: config.wsKeepaliveMs,
    inDemoMode: async (tenantId) => config.testMode && (await deps.redis.exists(demoModeKey(tenantId)).catch(() => 0)) === 1,
  });
  healthRoutes(app, { ...deps, liveUpdates: updates.listening });
  if (config.testMode) {
    requireHookSecret(app, config.hookSecret!);
    const standIn = providerStandIn(config.providerUrl);
    standIn.listen();
    app.addHook('onClose', async () => standIn.close());
    testHookRoutes(app, {
      db: deps.db,
      sessions,
      clock,
      provider: standIn,
      issued,
      refreshTtlSeconds: config.refreshTtlSeconds,
      accessTtlSeconds: config.accessTtlSeconds,
    });
    standInRoutes(app, { redis: deps.redis, clock, provider: standIn });
  }
  app.addHook('onClose', async () => {
    await queue.close();
    await updates.close();
  });
  return app;
}
