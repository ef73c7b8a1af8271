// deployment-cascade-rate-limit-cors-schema.md, sections 1-4: models had columns and
// version tables that no migration created; each one surfaced as a 500 at the first
// request that touched it, one deployment at a time.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { HealthReport } from '../app/shared/api-types.ts';
import { migrateUp } from '../app/api/src/migrations.ts';
import { expectedSchema } from '../app/api/src/schema.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';

const DRIFTED = 'generation_settings.max_prompt_length';

describeIncident('schema-drift', () => {
  test(`a column the code needs is missing: health names it, requests answer 503 naming it, never 500`, async ({ page, api, db, stack, tenant, sessions, requests }) => {
    test.skip(stack.mode === 'external', 'needs a stack this run owns: it alters the database schema');
    const token = (await sessions.issue(tenant.member, 'valid')).accessToken;

    await test.step(`conditions: the database lacks ${DRIFTED}, as if its migration never ran`, async () => {
      await db.query('ALTER TABLE generation_settings RENAME COLUMN max_prompt_length TO max_prompt_length_unmigrated');
    });
    try {
      await test.step('action + recovery: health reports not ready and names the missing column', async () => {
        const response = await api.get('/api/v1/health');
        const report = (await response.json()) as HealthReport;
        expect(report.checks.schema.missing, `schema drift unnoticed: health answered ${response.status()} ${report.status} while ${DRIFTED} is missing`).toEqual([DRIFTED]);
        expect(response.status()).toBe(503);
        expect(report.status).toBe('not_ready');
      });

      await test.step('action + recovery: a request that needs the column answers 503 with the reason, not 500', async () => {
        const response = await api.get('/api/v1/settings/generation', { headers: { authorization: `Bearer ${token}` } });
        expect(response.status(), `schema drift surfaced as ${response.status()} at request time`).toBe(503);
        expect((await response.json()).message).toMatch(/schema is behind the code .*max_prompt_length.*run the migrations/);
      });

      await test.step('action + recovery: the jobs page says what is wrong, and the rest of it works', async () => {
        await page.clock.install();
        await sessions.plant(page, { isAuthenticated: true, user: tenant.member, tokens: await sessions.issue(tenant.member, 'valid') });
        await page.goto('/jobs');
        const settingsError = page.getByText(/Could not load the generation settings: The database schema is behind the code/);
        // A 503 is retried twice, after 1 s and 2 s of backoff: run the page's clock through them.
        for (let tick = 0; tick < 6 && !(await settingsError.isVisible()); tick++) {
          await requests.whenIdle();
          await page.clock.runFor(1_000);
        }
        await expect(settingsError).toBeVisible();
        await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
      });
    } finally {
      await db.query('ALTER TABLE generation_settings RENAME COLUMN max_prompt_length_unmigrated TO max_prompt_length');
    }

    await test.step('recovery: with the column back, health is ready again', async () => {
      const response = await api.get('/api/v1/health');
      expect(response.status()).toBe(200);
      expect(((await response.json()) as HealthReport).checks.schema).toEqual({ status: 'matches', missing: [] });
    });

    await test.step('recovery: the migrations, run on an empty database, produce exactly the schema the code declares', async () => {
      const name = `drift_${randomBytes(4).toString('hex')}`;
      const url = new URL(stack.databaseUrl);
      await db.query(`CREATE DATABASE ${name}`);
      try {
        url.pathname = `/${name}`;
        await migrateUp(url.toString(), () => {});
        const fresh = new pg.Pool({ connectionString: url.toString(), max: 1 });
        const { rows } = await fresh
          .query<{ table_name: string; column_name: string }>(
            `SELECT table_name, column_name FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name <> 'pgmigrations' ORDER BY table_name, column_name`,
          )
          .finally(() => fresh.end());
        const migrated = rows.map((r) => `${r.table_name}.${r.column_name}`);
        const declared = Object.entries(expectedSchema)
          .flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`))
          .sort();
        expect(migrated, 'columns from the migrations vs columns the code declares').toEqual(declared);
      } finally {
        await db.query(`DROP DATABASE ${name}`);
      }
    });
  });
});
