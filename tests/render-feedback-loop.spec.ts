// job-status-oscillation-stale-storage-cancel.md: state bounced between the progress
// card and its parent until React gave up with "Maximum update depth exceeded".
import { describeIncident, expect, test } from '../fixtures/index.ts';

/** Renders a card may need for one job from creation to completion, with room to spare. */
const RENDER_BUDGET = 30;
const maxDepth = /Maximum update depth exceeded|Minified React error #185/;

describeIncident('render-feedback-loop', () => {
  test('a job runs from creation to completion: the card renders a bounded number of times, no update-depth error', async ({
    page,
    app,
    tenant,
    provider,
    browserErrors,
    renders,
  }) => {
    const { jobsPage } = app;

    const jobId = await test.step('conditions: a job created from the jobs page, held running by the provider', async () => {
      await app.openJobsPage(tenant.member, { held: true });
      // The id comes from the server's answer: with the loop, the card may never show it.
      const jobId = (await jobsPage.create('a glossary of knots')).id;
      return jobId;
    });

    await test.step('action: the job progresses and completes while the card and the page exchange its state', async () => {
      for (const progress of [25, 50, 75]) await provider.step(jobId, { progress });
      await provider.step(jobId, { complete: 'knots, explained' });
      // Either the card shows the end, or React gave up and the error boundary took over.
      const completed = page.locator('[data-testid="job-card"][data-job-status="completed"]');
      await expect(completed.or(page.getByRole('heading', { name: 'Something went wrong' }))).toBeVisible();
    });

    await test.step('recovery: bounded renders, no update-depth error, completed on screen', async () => {
      const cardRenders = await renders.of('JobProgress');
      expect(
        cardRenders,
        `render loop: JobProgress rendered ${cardRenders} times for one job (budget ${RENDER_BUDGET})`,
      ).toBeLessThanOrEqual(RENDER_BUDGET);
      expect(browserErrors.matching(maxDepth), 'render loop: React reported an update-depth error').toEqual([]);
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'completed');
    });
  });
});
