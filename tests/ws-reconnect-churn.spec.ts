// job-status-oscillation-stale-storage-cancel.md: the backend closed job sockets in demo
// mode; the page reconnected over and over, and navigating away and back left old
// sockets reconnecting beside new ones, with "closed before the connection is established".
import type { Page } from '@playwright/test';
import type { SocketDetector } from '../fixtures/detectors/sockets.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { followNewJob, jobCard, pollUntilCompleted } from './support/jobs-page.ts';

/** The hook's cap (use-job-socket.ts): the first attempt plus five reconnects. */
const MAX_SOCKETS = 1 + 5;
const liveSocket = /\/api\/v1\/jobs\/[^/]+\/live$/;
const pollingNotice = 'Live updates are unavailable; checking for changes every few seconds.';

/** Runs the page's reconnect timers until `done`, or until the sockets pass `limit`. */
async function pumpUntil(page: Page, sockets: SocketDetector, limit: number, done: () => Promise<boolean>) {
  for (let tick = 0; tick < 60 && !(await done()) && sockets.opened(liveSocket).length <= limit; tick++) {
    await expect.poll(() => sockets.openNow(liveSocket).length, 'the server closed the socket').toBe(0);
    await page.clock.runFor(1_000);
  }
}

describeIncident('ws-reconnect-churn', () => {
  test('the server closes every job socket: reconnects stop at the cap, polling takes over, one socket per job after navigating back', async ({ page, tenant, sessions, provider, demoMode, requests, sockets, browserErrors }) => {
    let jobId = '';

    await test.step('conditions: demo mode (no live updates), a running job, browser clock under test control', async () => {
      await demoMode.on();
      await provider.hold();
      await page.clock.install();
      await sessions.signIn(page, tenant.member);
      await page.goto('/jobs');
      jobId = await followNewJob(page, 'a ferry timetable');
    });

    await test.step('action: the card tries the socket, and keeps trying on its own timers', async () => {
      await pumpUntil(page, sockets, MAX_SOCKETS, () => page.getByText(pollingNotice).isVisible());
    });

    await test.step('recovery: reconnects stopped at the cap, and the card says it is polling', async () => {
      const opened = sockets.opened(liveSocket).length;
      expect(opened, `socket churn: ${opened} sockets opened for one job (cap ${MAX_SOCKETS})`).toBeLessThanOrEqual(MAX_SOCKETS);
      await expect(page.getByText(pollingNotice)).toBeVisible();
    });

    await test.step('action: the user leaves for the dashboard and comes straight back', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
      await expect(jobCard(page)).toHaveAttribute('data-job-id', jobId);
      const openedBefore = sockets.opened(liveSocket).length;
      await pumpUntil(page, sockets, openedBefore + MAX_SOCKETS, () => page.getByText(pollingNotice).isVisible());
    });

    await test.step('recovery: never two sockets for the job at once, no errors from closing them', async () => {
      const most = sockets.maxOpenAtOnce(liveSocket);
      expect(most, `socket churn: ${most} sockets open at once for one job`).toBeLessThanOrEqual(1);
      const opened = sockets.opened(liveSocket).length;
      expect(opened, `socket churn: ${opened} sockets opened for one job over two visits`).toBeLessThanOrEqual(2 * MAX_SOCKETS);
      expect(browserErrors.matching(/closed before the connection is established/)).toEqual([]);
    });

    await test.step('recovery: polling alone brings the job to completed', async () => {
      await provider.step(jobId, { complete: 'the ferry timetable' });
      await pollUntilCompleted(page, requests);
      await expect(jobCard(page)).toContainText('Result: the ferry timetable');
    });
  });
});
