// stuck-generations-internal-401.md: the background trigger was refused with 401 (the
// internal secret was missing), nothing noticed, and generations stayed "processing"
// for 3 to 22 minutes, cluttering the feed until users dismissed phantoms by hand.
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { generateJob, jobCard } from './support/jobs-page.ts';

const STUCK_AFTER_MS = 2 * 60_000;
const REFUSED = 'The generation provider refused our credentials. Nothing was generated; an operator has been alerted.';

describeIncident('stuck-after-internal-401', () => {
  test('a refused trigger fails its job with a reason; a job nothing works on is stopped past the threshold; dismissed jobs stay gone', async ({ page, stack, tenant, sessions, provider, serverClock, jobs, requests }) => {
    const feed = page.getByRole('list', { name: 'Your jobs' });
    let refusedId = '';
    let silentId = '';

    await test.step('conditions: the provider refuses our credentials; the user is on the jobs page', async () => {
      await provider.rejectCredentials();
      await page.clock.install();
      await sessions.signIn(page, tenant.member);
      await page.goto('/jobs');
    });

    await test.step('action + recovery: a job whose trigger is refused fails at once, with the reason on screen', async () => {
      refusedId = (await generateJob(page, 'a portrait in charcoal')).id;
      await expect
        .poll(async () => (await jobs.row(refusedId)).status, { message: `stuck after an internal 401: job ${refusedId} still active after the provider refused our credentials` })
        .toBe('failed');
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'failed');
      await expect(jobCard(page)).toContainText(`Failed: ${REFUSED}`);
    });

    await test.step('conditions: credentials fixed, but the next job gets no word from the provider at all', async () => {
      await provider.acceptCredentials();
      await provider.hold();
      silentId = (await generateJob(page, 'a portrait in ink')).id;
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'running');
    });

    await test.step(`action: ${STUCK_AFTER_MS / 60_000} minutes and a second pass with no progress; the feed refreshes`, async () => {
      await serverClock.advance(STUCK_AFTER_MS + 1_000);
      await page.clock.runFor(5_000); // the feed's refresh interval
      await requests.whenIdle();
    });

    await test.step('recovery: the silent job is stopped as stuck, visibly', async () => {
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'failed');
      await expect(jobCard(page)).toContainText('Stuck: no progress for 2 minutes');
      await expect(feed.locator(`li[data-job-id="${silentId}"]`)).toContainText('(stuck)');
      expect((await jobs.row(silentId)).status).toBe('failed');
    });

    await test.step('action: the user dismisses both failed jobs, then reloads', async () => {
      for (const id of [refusedId, silentId]) {
        await feed.locator(`li[data-job-id="${id}"]`).getByRole('button', { name: /^Dismiss/ }).click();
        await expect(feed.locator(`li[data-job-id="${id}"]`)).toHaveCount(0);
      }
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
      await requests.whenIdle();
    });

    await test.step('recovery: no phantom entries after the reload, and the database lost nothing', async () => {
      await expect(feed.locator('li')).toHaveCount(0);
      await expect(jobCard(page)).toHaveCount(0);
      for (const id of [refusedId, silentId]) expect((await jobs.row(id)).status).toBe('failed');
    });

    await test.step('recovery: the provider key never reached the api log', async () => {
      if (stack.mode === 'external') return void test.info().annotations.push({ type: 'not checked', description: 'the api log: an external stack does not hand it over' });
      const log = await stack.services.api.logs();
      expect(log).toContain(refusedId); // the log does cover this test
      for (const secret of stack.secrets) expect(log.includes(secret), 'a stack secret appears in the api log').toBe(false);
    });
  });
});
