// job-status-oscillation-stale-storage-cancel.md: the backend closed job sockets in demo
// mode; the page reconnected over and over, and navigating away and back left old
// sockets reconnecting beside new ones, with "closed before the connection is established".
import { anyJobSocket, describeIncident, expect, pathTo, routes, test } from '../fixtures/index.ts';

/** The hook's cap (use-job-socket.ts): the first attempt plus five reconnects. */
const MAX_SOCKETS = 1 + 5;
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
    /** Runs the page's reconnect timers until it says it is polling, or until the sockets pass `limit`. */
    const reconnectsRunOut = async (limit: number) => {
      for (
        let tick = 0;
        tick < 60 && !(await page.getByText(pollingNotice).isVisible()) && sockets.opened(anyJobSocket).length <= limit;
        tick++
      ) {
        await expect.poll(() => sockets.openNow(anyJobSocket).length, 'the server closed the socket').toBe(0);
        await page.clock.runFor(1_000);
      }
    };

    const jobId = await test.step('conditions: demo mode (no live updates), a running job, browser clock under test control', async () => {
      await demoMode.on();
      await app.openJobsPage(tenant.member, { held: true, clock: true });
      const jobId = await jobsPage.generateAndFollow('a ferry timetable');
      return jobId;
    });

    await test.step('action: the card tries the socket, and keeps trying on its own timers', async () => {
      await reconnectsRunOut(MAX_SOCKETS);
    });

    await test.step('recovery: reconnects stopped at the cap, and the card says it is polling', async () => {
      const opened = sockets.opened(anyJobSocket).length;
      expect(opened, `socket churn: ${opened} sockets opened for one job (cap ${MAX_SOCKETS})`).toBeLessThanOrEqual(MAX_SOCKETS);
      await expect(page.getByText(pollingNotice)).toBeVisible();
    });

    await test.step('action: the user leaves for the dashboard and comes straight back', async () => {
      await app.navigate('Dashboard');
      await app.navigate('Jobs');
      await expect(jobsPage.card).toHaveAttribute('data-job-id', jobId);
      await reconnectsRunOut(sockets.opened(anyJobSocket).length + MAX_SOCKETS);
    });

    await test.step('recovery: never two sockets for the job at once, no errors from closing them', async () => {
      const most = sockets.maxOpenAtOnce(anyJobSocket);
      expect(most, `socket churn: ${most} sockets open at once for one job`).toBeLessThanOrEqual(1);
      const opened = sockets.opened(anyJobSocket).length;
      expect(opened, `socket churn: ${opened} sockets opened for one job over two visits`).toBeLessThanOrEqual(2 * MAX_SOCKETS);
      expect(browserErrors.matching(/closed before the connection is established/)).toEqual([]);
    });

    await test.step('recovery: polling alone brings the job to completed', async () => {
      await provider.step(jobId, { complete: 'the ferry timetable' });
      await jobsPage.pollUntilCompleted();
      await expect(jobsPage.card).toContainText('Result: the ferry timetable');
    });
  });

  test.describe('leaving on purpose', () => {
    test.use({ reintroduces: 'reconnect-after-own-close' });

    test('the user leaves while the socket is live and comes back: the hook closed it for good, one socket at a time', async ({
      page,
      app,
      tenant,
      provider,
      sockets,
      browserErrors,
    }) => {
      const { jobsPage } = app;

      const jobId = await test.step('conditions: a running job, its socket live, browser clock under test control', async () => {
        const jobId = await app.startHeldJob(tenant.member, 'a harbour at noon', 30, { clock: true });
        await expect(jobsPage.card).toHaveAttribute('data-live', 'live');
        return jobId;
      });

      await test.step("action: the user leaves for the dashboard, and a minute of the page's timers runs there", async () => {
        await app.navigate('Dashboard');
        await expect.poll(() => sockets.openNow(anyJobSocket).length, 'the hook closed the socket on leaving').toBe(0);
        await page.clock.runFor(60_000);
      });

      await test.step('recovery: a socket the hook closed itself is not reconnected', async () => {
        const opened = sockets.opened(anyJobSocket).length;
        expect(opened, `socket churn: ${opened} sockets opened for one job, ${opened - 1} after the user left`).toBe(1);
      });

      await test.step('action: the user comes back to the jobs page, and watches the job progress over the socket', async () => {
        await app.navigate('Jobs');
        await expect(jobsPage.card).toHaveAttribute('data-job-id', jobId);
        await expect(jobsPage.card).toHaveAttribute('data-live', 'live');
        for (const progress of [60, 90]) {
          await provider.step(jobId, { progress });
          await expect(jobsPage.card).toHaveAttribute('data-job-progress', String(progress));
        }
        await page.clock.runFor(60_000);
      });

      // A socket reopened per status frame counts here too.
      await test.step('recovery: one new socket, never two at once, no errors from closing', async () => {
        // A reconnect that fired late, after the user came back, counts here.
        const opened = sockets.opened(anyJobSocket).length;
        expect(opened, `socket churn: ${opened} sockets opened for one job, ${opened - 1} after the user left (one expected)`).toBe(2);
        const most = sockets.maxOpenAtOnce(anyJobSocket);
        expect(most, `socket churn: ${most} sockets open at once for one job`).toBeLessThanOrEqual(1);
        expect(browserErrors.matching(/closed before the connection is established/)).toEqual([]);
      });
    });
  });

  test.describe('leaving while the socket connects', () => {
    test.use({ needs: ['own-stack'], reintroduces: 'close-while-connecting' });

    test('the api stalls as the card opens its socket, and the user leaves: closed once open, never two at once', async ({
      page,
      pageClock,
      app,
      tenant,
      provider,
      jobs,
      network,
      services,
      sockets,
      browserErrors,
    }) => {
      const { jobsPage } = app;
      const poll = (id: string) => pathTo(routes.job, { id });

      await test.step("conditions: a running job the page follows; the server's answer about it, kept; browser clock under test control", async () => {
        await pageClock.install();
        await provider.hold();
        const session = await app.signIn(tenant.member);
        const job = await jobs.create(session, 'a lantern in the rain');
        const jobId = job.id;
        await provider.step(jobId, { progress: 20 });
        await app.plantJobSnapshot(job);
        // The feed waits; the card's first poll is answered by the api at once, but reaches
        // the page only once the api has stalled.
        const feed = await network.hold({ path: routes.jobs });
        const firstPoll = await network.hold({ path: poll(jobId) }, { answerNow: true });
        await jobsPage.open();
        await expect.poll(() => firstPoll.held, 'the api answered the first poll').toBe(1);
        await services.api.pause();
        await feed.release();
        await firstPoll.release();
      });

      await test.step('conditions: confirmed by that answer, the card opens its socket; the stalled api never upgrades it', async () => {
        await expect(jobsPage.card).toHaveAttribute('data-live', 'connecting');
        await expect.poll(() => sockets.opened(anyJobSocket).length).toBe(1);
        // Still connecting as the user leaves: a socket that had opened would have sent its auth frame.
        const [socket] = sockets.opened(anyJobSocket);
        expect({ frames: socket?.frames.length, closed: socket?.closedAt !== undefined }, 'the socket is still connecting').toEqual({
          frames: 0,
          closed: false,
        });
      });

      await test.step("action: the user leaves for the dashboard; the api recovers; the user comes back, and a minute of the page's timers runs", async () => {
        await app.navigate('Dashboard');
        await services.api.resume();
        await expect.poll(() => sockets.openNow(anyJobSocket).length, 'the socket, once open, was closed').toBe(0);
        await app.navigate('Jobs');
        await expect(jobsPage.card).toHaveAttribute('data-live', 'live');
        // A reconnect of the socket closed on leaving would come after its backoff.
        await page.clock.runFor(60_000);
      });

      await test.step('recovery: the connecting socket was closed once open, never beside the new one', async () => {
        const hasty = browserErrors.matching(/closed before the connection is established/);
        expect(
          hasty,
          `socket churn: a connecting socket was closed at once: ${hasty.length} × "closed before the connection is established"`,
        ).toEqual([]);
        // One fact: the orphan's reconnect is both a third socket and a second one at once.
        expect(
          { opened: sockets.opened(anyJobSocket).length, mostAtOnce: sockets.maxOpenAtOnce(anyJobSocket) },
          'socket churn: one socket per visit, never two at once',
        ).toEqual({ opened: 2, mostAtOnce: 1 });
      });
    });
  });
});
