// job-status-oscillation-stale-storage-cancel.md, to-do "backend fix": the job endpoint could
// answer pending after completion, because the task wrote its status after the job had
// ended. Here the user cancels a job while the provider still works on it, and the provider
// then moves it anyway: its late word must not overwrite the cancel.
import { describeIncident, expect, type ProviderStep, test } from '../fixtures/index.ts';

const PROMPT = 'a lighthouse at dusk';

const endings: { name: string; step: ProviderStep; update: string }[] = [
  { name: 'makes progress', step: { progress: 80 }, update: 'progress' },
  { name: 'completes', step: { complete: 'a lighthouse, dusk' }, update: 'succeeded' },
  { name: 'fails', step: { fail: 'the provider gave up' }, update: 'failed' },
];

describeIncident('late-write', () => {
  for (const { name, step, update } of endings) {
    test(`cancelled while the provider holds it, then the generation ${name}: the feed and the row stay cancelled`, async ({
      page,
      app,
      tenant,
      provider,
      jobs,
      apiLog,
    }) => {
      // A run that hears nothing new within the provider's 20 s long-poll checks the row and stops.
      test.setTimeout(60_000);

      const jobId = await test.step('conditions: a job the provider holds at 40%, on the jobs page', () =>
        app.startHeldJob(tenant.member, PROMPT, 40));

      const cancelled = await test.step('action: the user cancels it', async () => {
        await app.jobsPage.cancelButton.click();
        await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'cancelled');
        return jobs.row(jobId);
      });

      await test.step(`action: the provider's generation ${name} anyway, and the worker hears it`, async () => {
        await provider.step(jobId, step);
        await expect.poll(() => jobs.workerDone(jobId), { message: `the worker never finished job ${jobId}`, timeout: 30_000 }).toBe(true);
      });

      await test.step('recovery: after a reload, the feed still shows the job cancelled', async () => {
        await page.reload();
        await expect(
          app.jobsPage.row(jobId),
          `late write won: job ${jobId} shows another status in the feed after it was cancelled`,
        ).toHaveText(`${PROMPT}: cancelled`);
      });

      await test.step('recovery: the row is exactly as the cancel left it', async () => {
        expect(await jobs.row(jobId), `late write won: job ${jobId} changed in Postgres after it was cancelled`).toEqual(cancelled);
      });

      await test.step(`evidence: the worker dropped the provider's late ${update}, once`, async () => {
        const dropped = await apiLog.linesWith(jobId, 'late provider update dropped', `"update":"${update}"`);
        expect(dropped, 'the late update reached the worker and was dropped: the failure was triggered').toHaveLength(1);
      });
    });
  }
});
