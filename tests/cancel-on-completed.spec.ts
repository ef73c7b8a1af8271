// job-status-oscillation-stale-storage-cancel.md: the user clicked cancel on a job that
// had completed a moment earlier. The backend answered 422, and the UI showed the job
// as cancelled anyway, then flipped back.
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { holdRequests, jobCard, runningJob } from './support/jobs-page.ts';

const SERVER_MESSAGE = "Cannot cancel job with status 'completed'. Only pending and running jobs can be cancelled.";

describeIncident('cancel-on-completed', () => {
  test('the job completes between page load and the cancel click: 422 shown inline, completed stays, the row is unchanged', async ({ page, stack, tenant, sessions, provider, jobs, requests, jobStatuses }) => {
    const user = tenant.member;
    let jobId = '';
    // The page's job sockets go through the test, which can hold the server's frames back.
    const held: (() => void)[] = [];
    let holding = false;
    const relay = (deliver: () => void) => (holding ? held.push(deliver) : deliver());

    await test.step('conditions: a running job on the jobs page, live over its socket', async () => {
      await page.routeWebSocket(/\/api\/v1\/jobs\/[^/]+\/live$/, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => server.send(message));
        server.onMessage((message) => relay(() => ws.send(message)));
        server.onClose((code, reason) => relay(() => ws.close({ code, reason })));
      });
      await provider.hold();
      await sessions.signIn(page, user);
      await page.goto('/jobs');
      jobId = await runningJob(page, provider, 'a kite over dunes', 70);
      await expect(jobCard(page)).toHaveAttribute('data-live', 'live');
    });

    const feed = await holdRequests(page, (url) => url.origin === stack.apiUrl && url.pathname === '/api/v1/jobs');
    await test.step('conditions: the job completes on the server; the page has not heard yet', async () => {
      holding = true;
      await provider.step(jobId, { complete: 'a kite, dunes' });
      await expect.poll(async () => (await jobs.row(jobId)).status).toBe('completed');
      await expect.poll(() => held.length, 'the server announced completion; the page has not received it').toBeGreaterThan(0);
      await expect(page.getByRole('button', { name: 'Cancel job' })).toBeEnabled();
    });
    const before = await jobs.row(jobId);

    await test.step('action: the user clicks Cancel job', async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith(`/api/v1/jobs/${jobId}/cancel`));
      await page.getByRole('button', { name: 'Cancel job' }).click();
      const response = await answered;
      expect(response.status()).toBe(422);
      expect((await response.json()).message).toBe(SERVER_MESSAGE);
      await expect(jobCard(page)).toHaveAttribute('aria-busy', 'false');
      await requests.whenIdle();
    });

    await test.step('recovery: never shown as cancelled; the message inline; completed from the server', async () => {
      await expect(jobStatuses).toNeverShow('cancelled', 'cancel-on-completed: the card showed cancelled after the server refused to cancel (422)');
      await expect(jobCard(page).getByRole('alert')).toHaveText(SERVER_MESSAGE);
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      await expect(jobCard(page)).toContainText('Result: a kite, dunes');
      expect(requests.count({ method: 'POST', path: `/api/v1/jobs/${jobId}/cancel` }), 'one cancel, not retried').toBe(1);
    });

    await test.step('recovery: the row in Postgres is untouched by the refused cancel', async () => {
      expect(await jobs.row(jobId)).toEqual(before);
      expect(before.status).toBe('completed');
    });

    await test.step('recovery: the late frames and feed arrive; still completed, never pending again', async () => {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
      await feed.release();
      await requests.whenIdle();
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverRegress();
      await expect(jobStatuses).toNeverShow('cancelled', 'cancel-on-completed: the card showed cancelled after the server refused to cancel (422)');
    });
  });
});
