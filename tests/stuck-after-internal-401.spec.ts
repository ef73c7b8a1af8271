// stuck-generations-internal-401.md: the background trigger was refused with 401 (the
// internal secret was missing), nothing noticed, and generations stayed "processing"
// for 3 to 22 minutes, cluttering the feed until users dismissed phantoms by hand.
import { describeIncident, expect, test } from '../fixtures/index.ts';

const STUCK_AFTER_MS = 2 * 60_000;
const REFUSED = 'The generation provider refused our credentials. Nothing was generated; an operator has been alerted.';

describeIncident('stuck-after-internal-401', () => {
  test('a refused trigger fails its job with a reason; a job nothing works on is stopped past the threshold; dismissed jobs stay gone', async ({
    page,
    app,
    stack,
    apiLog,
    tenant,
    provider,
    serverClock,
    jobs,
    requests,
  }) => {
    const { jobsPage } = app;

    await test.step('conditions: the provider refuses our credentials; the user is on the jobs page', async () => {
      await provider.rejectCredentials();
      await app.openJobsPage(tenant.member, { clock: true });
    });

    const refusedId =
      await test.step('action + recovery: a job whose trigger is refused fails at once, with the reason on screen', async () => {
        const refusedId = (await jobsPage.create('a portrait in charcoal')).id;
        // Only a refusal makes this incident: a job that never reached the provider is another failure.
        const refusal = () => apiLog.has(refusedId, 'generation refused: provider credentials');
        await expect.poll(refusal, { message: `job ${refusedId} never reached the provider: no refusal in the api log` }).toBe(true);
        await expect
          .poll(async () => (await jobs.row(refusedId)).status, {
            message: `stuck after an internal 401: job ${refusedId} still active after the provider refused our credentials`,
          })
          .toBe('failed');
        await expect(jobsPage.card).toHaveAttribute('data-job-status', 'failed');
        await expect(jobsPage.card).toContainText(`Failed: ${REFUSED}`);
        return refusedId;
      });

    const silentId = await test.step('conditions: credentials fixed, but the next job gets no word from the provider at all', async () => {
      await provider.acceptCredentials();
      await provider.hold();
      const silentId = (await jobsPage.create('a portrait in ink')).id;
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'running');
      return silentId;
    });

    await test.step(`action: ${STUCK_AFTER_MS / 60_000} minutes and a second pass with no progress; the feed refreshes`, async () => {
      await serverClock.advance(STUCK_AFTER_MS + 1_000);
      await page.clock.runFor(5_000); // the feed's refresh interval
      await requests.whenIdle();
    });

    await test.step('recovery: the silent job is stopped as stuck, visibly', async () => {
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'failed');
      await expect(jobsPage.card).toContainText('Stuck: no progress for 2 minutes');
      await expect(jobsPage.row(silentId)).toContainText('(stuck)');
      expect((await jobs.row(silentId)).status).toBe('failed');
    });

    await test.step('action: the user dismisses both failed jobs, then reloads', async () => {
      for (const id of [refusedId, silentId]) {
        await jobsPage
          .row(id)
          .getByRole('button', { name: /^Dismiss/ })
          .click();
        await expect(jobsPage.row(id)).toHaveCount(0);
      }
      await page.reload();
      await expect(jobsPage.heading).toBeVisible();
      await requests.whenIdle();
    });

    await test.step('recovery: no phantom entries after the reload, and the database lost nothing', async () => {
      await expect(jobsPage.feed.locator('li')).toHaveCount(0);
      await expect(jobsPage.card).toHaveCount(0);
      for (const id of [refusedId, silentId]) expect((await jobs.row(id)).status).toBe('failed');
    });

    await test.step('recovery: the provider key never reached the api log', async () => {
      const log = await apiLog.sinceTestBegan();
      expect(log).toContain(refusedId); // the log does cover this test
      for (const secret of stack.secrets) expect(log.includes(secret), 'a stack secret appears in the api log').toBe(false);
    });
  });
});
