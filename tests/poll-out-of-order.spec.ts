// job-status-oscillation-stale-storage-cancel.md: a polling answer that left the server
// before newer socket updates arrived after them, carrying an older updated_at; the card
// applied it and went backwards.
import type { APIResponse } from '@playwright/test';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { generateJob, jobCard } from './support/jobs-page.ts';

describeIncident('poll-out-of-order', () => {
  test('the first poll answers after two newer socket updates: the card never goes backwards', async ({ page, stack, tenant, sessions, provider, requests, jobStatuses }) => {
    let jobId = '';
    let token = '';
    let deliverLate!: () => void;
    const lateDue = new Promise<void>((resolve) => (deliverLate = resolve));
    let early: APIResponse | undefined;

    await test.step('conditions: the first poll of a new job will be answered late, with the job as it was at creation', async () => {
      await page.route(
        (url) => url.origin === stack.apiUrl && /^\/api\/v1\/jobs\/[0-9a-f-]{36}$/.test(url.pathname),
        async (route) => {
          await lateDue;
          await route.fulfill({ response: early! });
        },
        { times: 1 },
      );
      await provider.hold();
      token = (await sessions.signIn(page, tenant.member)).accessToken;
      await page.goto('/jobs');
    });

    await test.step('action: create a job; it progresses to 30%, then 60%', async () => {
      jobId = (await generateJob(page, 'a map of the bay')).id;
      // The server's real answer at this moment: what the held poll will deliver.
      early = await page.request.get(`${stack.apiUrl}/api/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await early.json()).progress).toBe(0);
      for (const progress of [30, 60]) {
        await provider.step(jobId, { progress });
        // By the socket, or by the feed's 5 s refresh if a socket update went missing (see
        // the closing note of the jobs-domain work); either way before the late poll lands.
        await expect(jobCard(page)).toContainText(`running (${progress}%)`, { timeout: 10_000 });
      }
    });

    await test.step('action: the old poll answer finally arrives', async () => {
      deliverLate();
      await expect.poll(() => requests.count({ method: 'GET', path: `/api/v1/jobs/${jobId}`, status: 200 })).toBeGreaterThanOrEqual(1);
      await requests.whenIdle();
    });

    await test.step('recovery: the card never went backwards, and finishes normally', async () => {
      await expect(jobStatuses).toNeverGoBackwards();
      await expect(jobCard(page)).toContainText('running (60%)');
      await provider.step(jobId, { complete: 'the bay, mapped' });
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverGoBackwards();
    });
  });
});
