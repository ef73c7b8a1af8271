// deployment-cascade-rate-limit-cors-schema.md, section 3: a migration created the version
// table as schedule_run_version where the code expects schedule_runs_version, and
// 'relation "schedule_runs_version" does not exist' surfaced at request time. Here the
// settings table carries the same singular misnaming, on the test's own stack.
import { describeIncident, expect, test } from '../fixtures/index.ts';

const TABLE = 'generation_settings';
const MISNAMED = 'generation_setting';

describeIncident('missing-table', () => {
  test(`a table the code needs is misnamed: health names it, requests answer 503, the page says so; renaming it recovers`, async ({
    app,
    faults,
    tenant,
  }) => {
    const misnamed = await test.step(`conditions: a migration named the table ${MISNAMED}, not ${TABLE}`, () =>
      faults.renameTable(TABLE, MISNAMED));

    await test.step('action + recovery: health reports not ready and names the missing table', async () => {
      const { code, report } = await app.health();
      expect(
        report.checks.schema.missing,
        `missing table unnoticed: health answered ${code} ${report.status} while ${TABLE} is missing`,
      ).toEqual([TABLE]);
      expect(code).toBe(503);
    });

    await test.step('action + recovery: a request that reads the table answers 503 with the reason, not 500', async () => {
      const { code, message } = await app.settings(tenant.member);
      expect(code, `a missing table surfaced as ${code} at request time`).toBe(503);
      expect(message).toBe('The database schema is behind the code; run the migrations. Health lists what is missing.');
    });

    await test.step('action + recovery: the jobs page shows the health banner and why the settings did not load', async () => {
      await app.openJobsPage(tenant.member, { clock: true });
      await app.jobsPage.settingsGiveUp();
      await expect(app.jobsPage.settingsError).toContainText('The database schema is behind the code');
      await expect(app.healthBanner).toHaveText('The service is having trouble right now; what you see may be out of date.');
    });

    await test.step(`action: the table is renamed ${TABLE} again`, () => misnamed.undo());

    await test.step('recovery: with the table under its name, without a restart, health is ready and the page loads its settings', async () => {
      const { code, report } = await app.health();
      expect(code).toBe(200);
      expect(report.checks.schema).toEqual({ status: 'matches', missing: [] });
      await app.openJobsPage(tenant.member);
      await expect(app.jobsPage.promptLimit).toHaveText('Up to 2000 characters.');
    });
  });
});
