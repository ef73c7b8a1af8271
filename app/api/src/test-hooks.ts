// Endpoints that exist only in test mode (E2E_TEST_MODE=1 with NODE_ENV=test): isolated
// tenants, planted sessions, per-tenant clocks and rate budgets, and control of the
// stand-in provider. Each call carries the stack's hook secret. Specs reach them through
// fixtures, never directly.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import {
  type AdvanceClockRequest,
  type ApiErrorBody,
  HOOK_SECRET_HEADER,
  type PlantSessionRequest,
  type PlantedSession,
  type ProviderScript,
  type ProviderStep,
  type RateBudgetRequest,
  type Role,
  type TestTenant,
  type TestUser,
  type User,
} from '../../shared/api-types.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { IssuedSecrets } from './issued-secrets.ts';
import type { ProviderStandIn } from './provider-stand-in.ts';
import { type TestBudget, budgetKey } from './rate-limit.ts';
import { TEST_HOOK_PREFIX, hookRoutes } from '../../shared/routes.ts';

const DAY_SECONDS = 24 * 60 * 60;

/** Hooks hand out every issued password: without the stack's secret, nothing under the prefix answers but a 401. */
export function requireHookSecret(app: FastifyInstance, secret: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(secret);
  app.addHook('onRequest', async (request, reply) => {
    // The matched route, not the raw URL, which the router may have decoded on its way there.
    if (!request.routeOptions.url?.startsWith(TEST_HOOK_PREFIX)) return;
    const given = request.headers[HOOK_SECRET_HEADER];
    if (typeof given === 'string' && timingSafeEqual(digest(given), expected)) return;
    return reply
      .code(401)
      .send({ error: 'unauthorized', message: `Test hooks need the stack's secret in ${HOOK_SECRET_HEADER}.` } satisfies ApiErrorBody);
  });
}

/** A tenant in demo mode gets no live job updates (the incident's setup). */
export const demoModeKey = (tenantId: string) => `e2e:demo-mode:${tenantId}`;

export function testHookRoutes(
  app: FastifyInstance,
  deps: {
    db: pg.Pool;
    sessions: Sessions;
    clock: Clock;
    provider: ProviderStandIn;
    issued: IssuedSecrets;
    refreshTtlSeconds: number;
    accessTtlSeconds: number;
  },
) {
  const { db, sessions, clock, provider, issued } = deps;

  async function createUser(tenantId: string, role: Role): Promise<TestUser> {
    const password = randomBytes(12).toString('base64url');
    issued.record(password);
    const email = `${role}-${randomBytes(4).toString('hex')}@${tenantId.slice(0, 8)}.test`;
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
      [tenantId, email, await hashPassword(password), role],
    );
    return { id: rows[0]!.id, email, role, tenantId, password };
  }

  app.post<{ Body: { name?: string } }>(hookRoutes.tenants, async (request, reply) => {
    const { rows } = await db.query<{ id: string }>('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [request.body?.name ?? 'e2e']);
    const tenantId = rows[0]!.id;
    const [member, admin] = await Promise.all([createUser(tenantId, 'member'), createUser(tenantId, 'admin')]);
    return reply.code(201).send({ tenantId, member, admin } satisfies TestTenant);
  });

  app.delete<{ Params: { id: string } }>(hookRoutes.tenant, async (request, reply) => {
    await db.query('DELETE FROM tenants WHERE id = $1', [request.params.id]);
    provider.forgetTenant(request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Body: PlantSessionRequest }>(
    hookRoutes.sessions,
    {
      schema: {
        body: {
          type: 'object',
          required: ['userId', 'state'],
          properties: {
            userId: { type: 'string' },
            state: { enum: ['valid', 'expired', 'revoked'] },
            accessLeftSeconds: { type: 'integer', minimum: 1, maximum: deps.accessTtlSeconds },
          },
        },
      },
    },
    async (request, reply) => {
      const { rows } = await db.query<{ id: string; email: string; role: Role; tenant_id: string }>(
        'SELECT id, email, role, tenant_id FROM users WHERE id = $1',
        [request.body.userId],
      );
      const row = rows[0];
      if (!row) return reply.code(404).send({ error: 'not_found', message: `No user ${request.body.userId}` });
      const user: User = { id: row.id, email: row.email, role: row.role, tenantId: row.tenant_id };
      const now = await clock.now(user.tenantId);
      // An expired session was issued longer ago than the refresh lifetime, so both halves are dead;
      // one with little access left was issued just under the access lifetime ago.
      const { state, accessLeftSeconds } = request.body;
      const issuedAtMs =
        state === 'expired'
          ? now - (deps.refreshTtlSeconds + 60) * 1000
          : now - (accessLeftSeconds ? deps.accessTtlSeconds - accessLeftSeconds : 0) * 1000;
      const planted = await sessions.open(user, { issuedAtMs, revoked: state === 'revoked' });
      return reply.code(201).send(planted satisfies PlantedSession);
    },
  );

  // The harness collects these after every test: they are scrubbed from its traces and searched for in every published artifact.
  app.get(hookRoutes.issuedSecrets, async () => ({ secrets: issued.all() }));

  app.post<{ Body: AdvanceClockRequest }>(
    hookRoutes.clock,
    {
      schema: {
        body: {
          type: 'object',
          required: ['tenantId', 'byMs'],
          properties: { tenantId: { type: 'string' }, byMs: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request) => ({ offsetMs: await clock.advance(request.body.tenantId, request.body.byMs) }),
  );
}

export function standInRoutes(app: FastifyInstance, deps: { redis: Redis; clock: Clock; provider: ProviderStandIn }) {
  app.put<{ Body: ProviderScript }>(
    hookRoutes.providerScripts,
    {
      schema: {
        body: {
          type: 'object',
          required: ['tenantId'],
          additionalProperties: false,
          properties: {
            tenantId: { type: 'string' },
            hold: { type: 'boolean' },
            moderation: { enum: ['ok', 'unavailable', 'malformed'] },
            credentials: { enum: ['accept', 'reject'] },
          },
        },
      },
    },
    async (request, reply) => {
      deps.provider.script(request.body);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { jobId: string }; Body: ProviderStep }>(
    hookRoutes.providerSteps,
    {
      schema: {
        body: {
          oneOf: [
            {
              type: 'object',
              required: ['phase'],
              additionalProperties: false,
              properties: { phase: { enum: ['queued', 'started'] } },
            },
            {
              type: 'object',
              required: ['progress'],
              additionalProperties: false,
              properties: { progress: { type: 'integer', minimum: 0, maximum: 100 } },
            },
            { type: 'object', required: ['complete'], additionalProperties: false, properties: { complete: { type: 'string' } } },
            { type: 'object', required: ['fail'], additionalProperties: false, properties: { fail: { type: 'string' } } },
          ],
        },
      },
    },
    async (request, reply) => {
      deps.provider.step(request.params.jobId, request.body);
      return reply.code(202).send();
    },
  );

  app.get<{ Params: { jobId: string } }>(hookRoutes.providerJob, async (request) => ({
    generationsStarted: deps.provider.generationsStarted(request.params.jobId),
    follower: deps.provider.follower(request.params.jobId),
  }));

  app.put<{ Body: { tenantId: string; on: boolean } }>(
    hookRoutes.demoMode,
    {
      schema: {
        body: { type: 'object', required: ['tenantId', 'on'], properties: { tenantId: { type: 'string' }, on: { type: 'boolean' } } },
      },
    },
    async (request, reply) => {
      const key = demoModeKey(request.body.tenantId);
      await (request.body.on ? deps.redis.set(key, '1', 'EX', DAY_SECONDS) : deps.redis.del(key));
      return reply.code(204).send();
    },
  );

  app.put<{ Body: RateBudgetRequest }>(
    hookRoutes.rateBudgets,
    {
      schema: {
        body: {
          type: 'object',
          required: ['tenantId', 'generalMax'],
          properties: { tenantId: { type: 'string' }, generalMax: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request, reply) => {
      const { tenantId, generalMax } = request.body;
      const budget: TestBudget = { generalMax, anchorMs: await deps.clock.now(tenantId) };
      await deps.redis.set(budgetKey(tenantId), JSON.stringify(budget), 'EX', DAY_SECONDS);
      return reply.code(204).send();
    },
  );
}
