// job-status-oscillation-stale-storage-cancel.md: the backend closed job sockets in demo
// mode; the page reconnected over and over, and navigating away and back left old
// sockets reconnecting beside new ones, with "closed before the connection is established".
import { describeIncident, expect, test } from '../fixtures/index.ts';

/** The hook's cap (use-job-socket.ts): the first attempt plus five reconnects. */
const MAX_SOCKETS = 1 + 5;
const liveSocket = /\/api\/v1\/jobs\/[^/]+\/live$/;
const pollingNotice = 'Live updates are unavailable; checking for changes every few seconds.';

describeIncident('ws-reconnect-churn', () => {
  test('the server closes every job socket: reconnects stop at the cap, polling takes over, one socket per job after navigating back', async ({
    page,
    app,
    tenant,
    provider,
    demoMode,
    sockets,
    browserErrors,
  }) => {
    const { jobsPage } = app;
    let jobId = '';
    /** Runs the page's reconnect timers until it says it is polling, or until the sockets pass `limit`. */
    const reconnectsRunOut = async (limit: number) => {
      for (
        let tick = 0;
        tick < 60 && !(await page.getByText(pollingNotice).isVisible()) && sockets.opened(liveSocket).length <= limit;
        tick++
      ) {
        await expect.poll(() => sockets.openNow(liveSocket).length, 'the server closed the socket').toBe(0);
        await page.clock.runFor(1_000);
      }
    };

    await test.step('conditions: demo mode (no live updates), a running job, browser clock under test control', async () => {
      await demoMode.on();
      await app.openJobsPage(tenant.member, { held: true, clock: true });
      jobId = await jobsPage.follow('a ferry timetable');
    });

    await test.step('action: the card tries the socket, and keeps trying on its own timers', async () => {
      await reconnectsRunOut(MAX_SOCKETS);
    });

    await test.step('recovery: reconnects stopped at the cap, and the card says it is polling', async () => {
      const opened = sockets.opened(liveSocket).length;
      expect(opened, `socket churn: ${opened} sockets opened for one job (cap ${MAX_SOCKETS})`).toBeLessThanOrEqual(MAX_SOCKETS);
      await expect(page.getByText(pollingNotice)).toBeVisible();
    });

    await test.step('action: the user leaves for the dashboard and comes straight back', async () => {
      await app.navigate('Dashboard');
      await app.navigate('Jobs');
      await expect(jobsPage.card).toHaveAttribute('data-job-id', jobId);
      await reconnectsRunOut(sockets.opened(liveSocket).length + MAX_SOCKETS);
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
      await jobsPage.pollUntilCompleted();
      await expect(jobsPage.card).toContainText('Result: the ferry timetable');
    });
  });
});
