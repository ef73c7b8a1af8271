// A race the suite itself tripped over: the user generates while the jobs page's first
// feed load is still on its way, with an answer from before the job existed. TanStack
// Query answers the page's invalidation with that load (the feed has no data yet), so
// the new job was missing from the feed, and a feed with no active job never refreshes.
import { expect, routes, test } from '../../fixtures/index.ts';

test('a job created during the first feed load: the feed shows it and the card goes live', async ({ app, network, tenant }) => {
  const { jobsPage } = app;
  const feed = await network.hold({ method: 'GET', path: routes.jobs }, { answerNow: true });

  await test.step('conditions: the first feed load is answered by the server now, and delivered late', async () => {
    await app.openJobsPage(tenant.member, { held: true });
    await expect.poll(() => feed.held, { message: 'the first feed load was answered before the job existed' }).toBe(1);
  });

  const jobId = await test.step('action: the user generates, then the old feed answer arrives', async () => {
    // Once the card follows the job, the page has handled the creation and asked for a
    // fresh feed; only then may the old answer land.
    const id = await jobsPage.generateAndFollow('made before the feed loaded');
    await feed.release();
    return id;
  });

  await test.step('recovery: the feed lists the new job, and the card follows it live', async () => {
    await expect(jobsPage.row(jobId)).toBeVisible();
    await expect(jobsPage.card).toHaveAttribute('data-live', 'live');
  });
});
