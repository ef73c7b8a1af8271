// Readiness as the incidents needed it: database, Redis and migrations, each named, so a
// missing migration or a dead dependency reads as such instead of a 500 somewhere else.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { DependencyFailure, HealthReport } from '../../shared/api-types.ts';
import { bugOn } from './bug-switches.ts';
import { dependencyFailure, within } from './dependencies.ts';
import { migrationStatus } from './migrations.ts';
import { missingFromSchema } from './schema.ts';
import { routes } from '../../shared/routes.ts';

/** Each dependency gets this long; both are asked at once, so health answers within it. */
export const HEALTH_CHECK_MS = 1_500;

export function healthRoutes(app: FastifyInstance, deps: { db: pg.Pool; redis: Redis; liveUpdates: () => boolean }) {
  const checkRedis = async (): Promise<DependencyFailure | undefined> => {
    await deps.redis.ping();
    // Live updates travel on their own connection, which reconnects on its own schedule.
    return deps.liveUpdates() ? undefined : 'live updates not subscribed';
  };

  app.get(routes.health, async (request, reply) => {
    // Each check on its own, so one that throws is named as what failed, and the others
    // still answer. Names how it failed, never the driver's text: health is public.
    const ask = async <T>(check: string, running: Promise<T>): Promise<T | DependencyFailure> => {
      // Bug 'health-check-unguarded': the original let a check that threw crash health; the error
      // handler then answers (a 500, or a 503 for a schema error), with no report.
      if (bugOn(request, 'health-check-unguarded')) return running;
      const answer = await within(HEALTH_CHECK_MS, running).catch((error: Error): DependencyFailure => {
        request.log.warn({ check, err: error.message }, 'health check failed');
        return dependencyFailure(error, { loginUnnamed: bugOn(request, 'database-login-unnamed') }) ?? 'failed';
      });
      if (answer === 'timed out') request.log.warn({ check, afterMs: HEALTH_CHECK_MS }, 'health check timed out');
      return answer;
    };
    const [database, migrations, missing, redis] = await Promise.all([
      ask('database', deps.db.query('SELECT 1')),
      // Bug 'pending-migrations-ignored': the original read the applied ones, never the ones the code ships.
      ask(
        'migrations',
        bugOn(request, 'pending-migrations-ignored')
          ? migrationStatus(deps.db).then((s) => ({ ...s, pending: [] }))
          : migrationStatus(deps.db),
      ),
      // Bug 'unchecked-schema': the original health looked at the connection only.
      ask(
        'schema',
        bugOn(request, 'unchecked-schema')
          ? Promise.resolve([])
          : missingFromSchema(deps.db, { absentTablesUnchecked: bugOn(request, 'absent-table-unchecked') }),
      ),
      ask('redis', checkRedis()),
    ]);
    const failed = (answer: unknown): answer is DependencyFailure => typeof answer === 'string';
    // With the database down, the checks that read it failed for that reason alone.
    const why = (answer: DependencyFailure) => (failed(database) ? {} : { reason: answer });
    const checks: HealthReport['checks'] = {
      database: failed(database) ? { status: 'down', reason: database } : { status: 'up' },
      redis: redis ? { status: 'down', reason: redis } : { status: 'up' },
      migrations: failed(migrations)
        ? { status: 'unknown', ...why(migrations), applied: [], pending: [] }
        : { status: migrations.pending.length ? 'pending' : 'current', ...migrations },
      schema: failed(missing)
        ? { status: 'unknown', ...why(missing), missing: [] }
        : { status: missing.length ? 'drift' : 'matches', missing },
    };
    // Bug 'outage-unnoticed': the original health said ok whenever the process answered.
    if (bugOn(request, 'outage-unnoticed')) return { status: 'ok', checks: { ...checks, redis: { status: 'up' } } } satisfies HealthReport;
    const status: HealthReport['status'] =
      checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status !== 'matches'
        ? 'not_ready'
        : checks.redis.status === 'down'
          ? 'degraded'
          : 'ok';
    return reply.code(status === 'not_ready' ? 503 : 200).send({ status, checks } satisfies HealthReport);
  });
}
