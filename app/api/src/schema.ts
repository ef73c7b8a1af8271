// The schema this code reads and writes, declared once. Health compares it with the
// database, so a missing migration reads as "not ready: jobs.explain_json is missing"
// instead of a 500 at the first request that touches it; the schema-drift spec checks
// that the migrations, run on an empty database, produce exactly this.
import type pg from 'pg';

export const expectedSchema: Record<string, readonly string[]> = {
  tenants: ['id', 'name', 'created_at'],
  users: ['id', 'tenant_id', 'email', 'password_hash', 'role', 'created_at'],
  refresh_sessions: [
    'id',
    'user_id',
    'token_hash',
    'created_at',
    'expires_at',
    'revoked_at',
    'family_id',
    'family_expires_at',
    'rotated_at',
  ],
  jobs: [
    'id',
    'tenant_id',
    'user_id',
    'prompt',
    'status',
    'progress',
    'result',
    'error',
    'created_at',
    'updated_at',
    'dismissed_at',
    'generation_id',
  ],
  generation_settings: ['tenant_id', 'max_prompt_length', 'updated_at'],
};

/**
 * What the code expects that the database lacks: a table that is not there by its name
 * (whether dropped, never created or misnamed), else each missing column as "table.column".
 */
export async function missingFromSchema(db: pg.Pool, { absentTablesUnchecked = false } = {}): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const tables = new Set(rows.map((r) => r.table_name));
  const present = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  return Object.entries(expectedSchema).flatMap(([table, columns]) => {
    // Bug 'absent-table-unchecked': the original compared the columns of the tables it found.
    if (!tables.has(table)) return absentTablesUnchecked ? [] : [table];
    return columns.map((column) => `${table}.${column}`).filter((name) => !present.has(name));
  });
}

/** Postgres errors that mean "the schema is behind the code". */
export const isSchemaError = (error: unknown) =>
  typeof error === 'object' && error !== null && ['42703', '42P01'].includes(String((error as { code?: unknown }).code));
