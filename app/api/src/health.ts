// Readiness as the incidents needed it: database, Redis and migrations, each named, so a
// missing migration or a dead dependency reads as such instead of a 500 somewhere else.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { HealthReport } from '../../shared/api-types.ts';
import { bugOn } from './bug-switches.ts';
import { migrationStatus } from './migrations.ts';
import { missingColumns } from './schema.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function healthRoutes(app: FastifyInstance, deps: { db: pg.Pool; redis: Redis; liveUpdates: () => boolean }) {
  app.get('/api/v1/health', async (request, reply) => {
    const checks: HealthReport['checks'] = {
      database: { status: 'up' },
      redis: { status: 'up' },
      migrations: { status: 'unknown', applied: [], pending: [] },
      schema: { status: 'unknown', missing: [] },
    };
    try {
      const status = await migrationStatus(deps.db);
      checks.migrations = { status: status.pending.length ? 'pending' : 'current', ...status };
      // Bug 'unchecked-schema': the original health looked at the connection only.
      const missing = bugOn(request, 'unchecked-schema') ? [] : await missingColumns(deps.db);
      checks.schema = { status: missing.length ? 'drift' : 'matches', missing };
    } catch (error) {
      checks.database = { status: 'down', error: message(error) };
    }
    try {
      await deps.redis.ping();
      // Live updates travel on their own connection, which reconnects on its own schedule.
      if (!deps.liveUpdates()) throw new Error('live updates are not subscribed yet');
    } catch (error) {
      checks.redis = { status: 'down', error: message(error) };
    }
    // Bug 'outage-unnoticed': the original health said ok whenever the process answered.
    if (bugOn(request, 'outage-unnoticed')) return { status: 'ok', checks: { ...checks, redis: { status: 'up' } } } satisfies HealthReport;
    const status: HealthReport['status'] =
      checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status === 'drift'
        ? 'not_ready'
        : checks.redis.status === 'down'
          ? 'degraded'
          : 'ok';
    return reply.code(status === 'not_ready' ? 503 : 200).send({ status, checks } satisfies HealthReport);
  });
}
