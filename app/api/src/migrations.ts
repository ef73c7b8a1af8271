// Schema migrations with node-pg-migrate, plus the status the health check reports.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { ApiFailure } from './api-failure.ts';

export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const migrationsTable = 'pgmigrations';

export async function migrateUp(databaseUrl: string, log: (msg: string) => void): Promise<void> {
  await migrate(databaseUrl, 'up', Infinity, log);
}

/** Undoes the last migration applied (its Down section): for operators rolling back, and tests. Returns its name. */
export async function migrateDown(databaseUrl: string): Promise<string> {
  const undone = await migrate(databaseUrl, 'down', 1, () => {});
  if (!undone[0]) throw new Error('No migration to undo: none is applied.');
  return undone[0];
}

async function migrate(databaseUrl: string, direction: 'up' | 'down', count: number, log: (msg: string) => void): Promise<string[]> {
  // Our own client, ended and awaited here: the runner's own does not wait for its end.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ran = await runner({
      dbClient: client,
      dir: migrationsDir,
      migrationsTable,
      direction,
      count,
      // Several api processes may start against one database; wait for the lock instead of failing.
      advisoryLockMode: 'wait',
      log,
    });
    return ran.map((migration) => migration.name);
  } finally {
    await client.end();
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/**
 * Refuses work that needs every migration (a job's worker writes the columns the latest
 * ones add) while one is pending, with a 503 naming it: better than a job that fails halfway
 * after the provider was paid. Once all are applied it asks again only after `everyMs`;
 * while one is pending it asks every time, so applying it recovers at once, without a restart.
 */
export function pendingMigrationGate(db: pg.Pool, everyMs = 1_000) {
  let clearUntil = 0;
  return async () => {
    if (Date.now() < clearUntil) return;
    const { pending } = await migrationStatus(db);
    if (!pending.length) return void (clearUntil = Date.now() + everyMs);
    throw new ApiFailure(
      503,
      'schema_drift',
      `The database schema is behind the code; run the migrations. Pending: ${pending.join(', ')}.`,
    );
  };
}

// The migrations this build ships change only with a deploy, which starts a new process: read them once.
const shipped = readdirSync(migrationsDir)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.replace(/\.sql$/, ''));

export async function migrationStatus(db: pg.Pool): Promise<MigrationStatus> {
  const exists = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [migrationsTable]);
  const applied = exists.rows[0]?.present
    ? (await db.query<{ name: string }>(`SELECT name FROM ${migrationsTable} ORDER BY run_on, id`)).rows.map((r) => r.name)
    : [];
  return { applied, pending: shipped.filter((f) => !applied.includes(f)).sort() };
}
