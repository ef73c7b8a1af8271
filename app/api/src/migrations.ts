// Schema migrations with node-pg-migrate, plus the status the health check reports.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const migrationsTable = 'pgmigrations';

export async function migrateUp(databaseUrl: string, log: (msg: string) => void): Promise<void> {
  // Our own client, ended and awaited here: the runner's own does not wait for its end.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await runner({
      dbClient: client,
      dir: migrationsDir,
      migrationsTable,
      direction: 'up',
      count: Infinity,
      // Several api processes may start against one database; wait for the lock instead of failing.
      advisoryLockMode: 'wait',
      log,
    });
  } finally {
    await client.end();
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export async function migrationStatus(db: pg.Pool): Promise<MigrationStatus> {
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
  const exists = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [migrationsTable]);
  const applied = exists.rows[0]?.present
    ? (await db.query<{ name: string }>(`SELECT name FROM ${migrationsTable} ORDER BY run_on, id`)).rows.map((r) => r.name)
    : [];
  return { applied, pending: files.filter((f) => !applied.includes(f)).sort() };
}
