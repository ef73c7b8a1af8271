// A race the suite itself tripped over: the user generates while the jobs page's first
// feed load is still on its way, with an answer from before the job existed. TanStack
// Query answers the page's invalidation with that load (the feed has no data yet), so
// the new job was missing from the feed, and a feed with no active job never refreshes.
import { expect, test } from '../../fixtures/index.ts';
import { generateJob, jobCard } from '../support/jobs-page.ts';

test('a job created during the first feed load: the feed shows it and the card goes live', async ({ page, stack, tenant, sessions, provider }) => {
  let deliver!: () => void;
  const delivery = new Promise<void>((resolve) => (deliver = resolve));
  let answered!: () => void;
  const answeredBeforeCreate = new Promise<void>((resolve) => (answered = resolve));

  await test.step('conditions: the first feed load is answered by the server now, and delivered late', async () => {
    await page.route(
      (url) => url.origin === stack.apiUrl && url.pathname === '/api/v1/jobs',
      async (route) => {
        if (route.request().method() !== 'GET') return route.fallback();
        const response = await route.fetch();
        answered();
        await delivery;
        await route.fulfill({ response }).catch(() => {}); // the page may have given up on it
      },
      { times: 1 },
    );
    await provider.hold();
    await sessions.signIn(page, tenant.member);
    await page.goto('/jobs');
    await answeredBeforeCreate;
  });

  let jobId = '';
  await test.step('action: the user generates, then the old feed answer arrives', async () => {
    jobId = (await generateJob(page, 'made before the feed loaded')).id;
    deliver();
  });

  await test.step('recovery: the feed lists the new job, and the card follows it live', async () => {
    await expect(page.getByRole('list', { name: 'Your jobs' }).locator(`li[data-job-id="${jobId}"]`)).toBeVisible();
    await expect(jobCard(page)).toHaveAttribute('data-live', 'live');
  });
});
