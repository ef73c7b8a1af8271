// Endpoints that exist only in test mode (E2E_TEST_MODE=1, refused in production):
// isolated tenants, planted sessions and per-tenant clocks. Specs reach them through
// fixtures, never directly.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type {
  AdvanceClockRequest,
  PlantSessionRequest,
  PlantedSession,
  Role,
  TestTenant,
  TestUser,
  User,
} from '../../shared/api-types.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Sessions } from './auth/sessions.ts';
import type { Clock } from './clock.ts';

export function testHookRoutes(app: FastifyInstance, deps: { db: pg.Pool; sessions: Sessions; clock: Clock; refreshTtlSeconds: number }) {
  const { db, sessions, clock } = deps;

  async function createUser(tenantId: string, role: Role): Promise<TestUser> {
    const password = randomBytes(12).toString('base64url');
    const email = `${role}-${randomBytes(4).toString('hex')}@${tenantId.slice(0, 8)}.test`;
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
      [tenantId, email, await hashPassword(password), role],
    );
    return { id: rows[0]!.id, email, role, tenantId, password };
  }

  app.post<{ Body: { name?: string } }>('/api/v1/__test__/tenants', async (request, reply) => {
    const { rows } = await db.query<{ id: string }>('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [
      request.body?.name ?? 'e2e',
    ]);
    const tenantId = rows[0]!.id;
    const [member, admin] = await Promise.all([createUser(tenantId, 'member'), createUser(tenantId, 'admin')]);
    return reply.code(201).send({ tenantId, member, admin } satisfies TestTenant);
  });

  app.delete<{ Params: { id: string } }>('/api/v1/__test__/tenants/:id', async (request, reply) => {
    await db.query('DELETE FROM tenants WHERE id = $1', [request.params.id]);
    return reply.code(204).send();
  });

  app.post<{ Body: PlantSessionRequest }>(
    '/api/v1/__test__/sessions',
    {
      schema: {
        body: {
          type: 'object',
          required: ['userId', 'state'],
          properties: { userId: { type: 'string' }, state: { enum: ['valid', 'expired', 'revoked'] } },
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
      // An expired session was issued longer ago than the refresh lifetime, so both halves are dead.
      const issuedAtMs = request.body.state === 'expired' ? now - (deps.refreshTtlSeconds + 60) * 1000 : now;
      const planted = await sessions.open(user, { issuedAtMs, revoked: request.body.state === 'revoked' });
      return reply.code(201).send(planted satisfies PlantedSession);
    },
  );

  app.post<{ Body: AdvanceClockRequest }>(
    '/api/v1/__test__/clock',
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
