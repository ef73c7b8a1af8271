// deployment-cascade-rate-limit-cors-schema.md, sections 1-4: models had columns and
// version tables that no migration created; each one surfaced as a 500 at the first
// request that touched it, one deployment at a time.
import { describeIncident, expect, test } from '../fixtures/index.ts';

const DRIFTED = 'generation_settings.max_prompt_length';

describeIncident('schema-drift', () => {
  test(`a column the code needs is missing: health names it, requests answer 503 naming it, never 500`, async ({
    app,
    faults,
    schema,
    tenant,
  }) => {
    const drift = await test.step(`conditions: the database lacks ${DRIFTED}, as if its migration never ran`, () =>
      faults.hideColumn(DRIFTED));

    await test.step('action + recovery: health reports not ready and names the missing column', async () => {
      const { code, report } = await app.health();
      expect(
        report.checks.schema.missing,
        `schema drift unnoticed: health answered ${code} ${report.status} while ${DRIFTED} is missing`,
      ).toEqual([DRIFTED]);
      expect(code).toBe(503);
      expect(report.status).toBe('not_ready');
    });

    await test.step('action + recovery: a request that needs the column answers 503 with the reason, not 500', async () => {
      const { code, message } = await app.settings(tenant.member);
      expect(code, `schema drift surfaced as ${code} at request time`).toBe(503);
      expect(message).toBe('The database schema is behind the code; run the migrations. Health lists what is missing.');
    });

    await test.step('action + recovery: the jobs page says what is wrong, and the rest of it works', async () => {
      await app.openJobsPage(tenant.member, { clock: true });
      await app.jobsPage.settingsGiveUp();
      await expect(app.jobsPage.settingsError).toContainText('The database schema is behind the code');
      await expect(app.jobsPage.generateButton).toBeEnabled();
    });

    await test.step('action: the column comes back', () => drift.undo());

    await test.step('recovery: with the column back, health is ready again and the jobs page loads its settings', async () => {
      const { code, report } = await app.health();
      expect(code).toBe(200);
      expect(report.checks.schema).toEqual({ status: 'matches', missing: [] });
      await app.openJobsPage(tenant.member);
      await expect(app.jobsPage.promptLimit).toHaveText('Up to 2000 characters.');
    });

    await test.step('recovery: the migrations, run on an empty database, produce exactly the schema the code declares', async () => {
      expect(await schema.migratedFromEmpty(), 'columns from the migrations vs columns the code declares').toEqual(schema.declared());
    });
  });
});
