// job-status-oscillation-stale-storage-cancel.md, working notes and to-do "cancellation
// rules": the backend said queued / started / processing, the frontend knew pending /
// running, and active jobs were refused cancel. Here the foreign words are the generation
// provider's: for each word it says of a generation not yet progressing, the job stays
// running on the card, the worker keeps following it, and the user can cancel it.
// (Processing, with progress, is the word late-write and cancel-on-completed cancel under.)
import { describeIncident, expect, test } from '../fixtures/index.ts';

const PROMPT = 'a harbour in fog';

const words: ('queued' | 'started')[] = ['queued', 'started'];

describeIncident('status-vocabulary', () => {
  for (const said of words) {
    test(`the provider says ${said}: the card shows the job running, and Cancel cancels it`, async ({ app, tenant, provider }) => {
      const { jobsPage } = app;

      const jobId = await test.step('conditions: a job the provider holds, on the jobs page', async () => {
        await app.openJobsPage(tenant.member, { held: true });
        return jobsPage.generateAndFollow(PROMPT);
      });

      await test.step(`action: the provider says the generation is ${said}`, async () => {
        await provider.step(jobId, { phase: said });
      });

      await test.step('recovery: the worker heard it and still follows the generation', async () => {
        await expect
          .poll(() => provider.workerPolling(jobId), {
            message: `provider word misread: the worker stopped following job ${jobId} once the provider said ${said}`,
          })
          .toEqual({ stepsTaken: 1, waiting: true });
      });

      await test.step(`recovery: the card shows the job running at 0%, and offers Cancel`, async () => {
        await expect(jobsPage.card, `the card shows job ${jobId} as something else once the provider said ${said}`).toContainText(
          'Status: running (0%)',
        );
        await expect(jobsPage.cancelButton, `no Cancel for job ${jobId}, active while the provider says ${said}`).toBeVisible();
      });

      await test.step('action: the user cancels it', async () => {
        await jobsPage.cancelButton.click();
      });

      await test.step('recovery: the card shows the job cancelled, as the server answered', async () => {
        await expect(jobsPage.card, `job ${jobId} was not cancelled while the provider said ${said}`).toHaveAttribute(
          'data-job-status',
          'cancelled',
        );
      });
    });
  }
});
