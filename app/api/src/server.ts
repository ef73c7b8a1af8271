import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { type FastifyError } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import { authRoutes } from './auth/routes.ts';
import { AuthFailure, sessions as makeSessions } from './auth/sessions.ts';
import { realClock, tenantClock } from './clock.ts';
import type { ApiConfig } from './config.ts';
import { healthRoutes } from './health.ts';
import { testHookRoutes } from './test-hooks.ts';

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

  await app.register(cors, {
    origin: config.webOrigins,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AuthFailure) {
      return reply.code(401).send({ error: error.code, message: error.message } satisfies ApiErrorBody);
    }
    if (error.validation) {
      return reply.code(400).send({ error: 'bad_request', message: error.message } satisfies ApiErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on our side.' } satisfies ApiErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiErrorBody),
  );

  const clock = config.testMode ? tenantClock(deps.redis) : realClock;
  const sessions = makeSessions({ db: deps.db, clock, ...config });
  authRoutes(app, sessions);
  healthRoutes(app, deps);
  if (config.testMode) {
    testHookRoutes(app, { db: deps.db, sessions, clock, refreshTtlSeconds: config.refreshTtlSeconds });
  }
  return app;
}
