// deployment-cascade-rate-limit-cors-schema.md, the rebuild procedure and its checklist: the
// migrations shipped with the images, but step 7 (`alembic upgrade head`) had not run, and
// the first requests failed against the old schema. Here the last migration is undone on the
// test's own stack, as a deployment that never ran it, and then applied while the api runs.
import { describeIncident, expect, test } from '../fixtures/index.ts';

const PROMPT = 'a fox in fresh snow';

describeIncident('migration-not-applied', () => {
  test('the last migration never ran: health names it pending, creating a job answers 503 naming it, the page says so; applying it recovers without a restart', async ({
    app,
    faults,
    tenant,
    jobs,
    provider,
  }) => {
    await test.step('conditions: on the jobs page, health ok', async () => {
      await app.openJobsPage(tenant.member, { clock: true, held: true });
      await expect(app.healthBanner).toHaveCount(0);
    });

    const migration = await test.step('conditions: the deployment shipped the last migration and never ran it', () =>
      faults.unapplyLastMigration());

    await test.step('recovery: health names the pending migration', async () => {
      const { report } = await app.health();
      expect(report.checks.migrations.pending, `migration not applied unnoticed: health did not name ${migration.name} pending`).toEqual([
        migration.name,
      ]);
    });

    await test.step('action + recovery: the user generates; refused with the reason, and no job was made', async () => {
      await app.jobsPage.submit(PROMPT);
      await app.jobsPage.untilFormIdle();
      await expect(app.jobsPage.alert).toHaveText(
        `The database schema is behind the code; run the migrations. Pending: ${migration.name}.`,
      );
      expect(await jobs.ofUser(tenant.member), 'rows made before the refusal').toEqual([]);
    });

    await test.step("recovery: the page's next health poll shows the banner", async () => {
      await app.nextHealthPoll();
      await expect(app.healthBanner).toHaveText('The service is having trouble right now; what you see may be out of date.');
    });

    await test.step('action: the migration is applied, as a deploy would, while the api runs', () => migration.undo());

    await test.step('recovery: with the migration applied, without a restart, health is ok and the job runs to completion', async () => {
      expect((await app.health()).code).toBe(200);
      const { status, job } = await app.jobsPage.generate(PROMPT);
      expect(status, 'creating a job once the migration is applied').toBe(201);
      await expect(app.jobsPage.card).toHaveAttribute('data-job-id', job!.id);
      await provider.step(job!.id, { complete: 'a fox, snow' });
      await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'completed');
    });
  });
});
