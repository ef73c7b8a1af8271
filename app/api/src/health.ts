// Readiness as the incidents needed it: database, Redis and migrations, each named, so a
// missing migration or a dead dependency reads as such instead of a 500 somewhere else.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { DependencyFailure, HealthReport } from '../../shared/api-types.ts';
import { bugOn } from './bug-switches.ts';
import { dependencyFailure, within } from './dependencies.ts';
import { migrationStatus } from './migrations.ts';
import { missingColumns } from './schema.ts';

/** Each dependency gets this long; both are asked at once, so health answers within it. */
export const HEALTH_CHECK_MS = 1_500;

export function healthRoutes(app: FastifyInstance, deps: { db: pg.Pool; redis: Redis; liveUpdates: () => boolean }) {
  // Names the failing dependency and how it failed, never the driver's text: health is public.
  const checkDatabase = async (request: FastifyRequest) => {
    const status = await migrationStatus(deps.db);
    // Bug 'unchecked-schema': the original health looked at the connection only.
    const missing = bugOn(request, 'unchecked-schema') ? [] : await missingColumns(deps.db);
    return { status, missing };
  };
  const checkRedis = async (): Promise<DependencyFailure | undefined> => {
    await deps.redis.ping();
    // Live updates travel on their own connection, which reconnects on its own schedule.
    return deps.liveUpdates() ? undefined : 'live updates not subscribed';
  };

  app.get('/api/v1/health', async (request, reply) => {
    const ask = async <T>(dependency: string, check: Promise<T>) => {
      const answer = await within(HEALTH_CHECK_MS, check).catch((error: Error): DependencyFailure => {
        request.log.warn({ dependency, err: error.message }, 'health check failed');
        return dependencyFailure(error) ?? 'failed';
      });
      if (answer === 'timed out') request.log.warn({ dependency, afterMs: HEALTH_CHECK_MS }, 'health check timed out');
      return answer;
    };
    const [database, redis] = await Promise.all([ask('database', checkDatabase(request)), ask('redis', checkRedis())]);
    const checks: HealthReport['checks'] = {
      database: typeof database === 'string' ? { status: 'down', reason: database } : { status: 'up' },
      redis: redis ? { status: 'down', reason: redis } : { status: 'up' },
      migrations:
        typeof database === 'string'
          ? { status: 'unknown', applied: [], pending: [] }
          : { status: database.status.pending.length ? 'pending' : 'current', ...database.status },
      schema:
        typeof database === 'string'
          ? { status: 'unknown', missing: [] }
          : { status: database.missing.length ? 'drift' : 'matches', missing: database.missing },
    };
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
