// logout-during-hmr-remount.md, "What to Watch For" §2: random logouts during active
// sessions, one trigger being rapid container restarts. Replayed: the api, then the web
// server, restart while the user is signed in and a job runs, and the page's session
// check comes due while nothing answers.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

/** The app's session check period (SESSION_CHECK_MS in app/web/src/timers.ts). */
const SESSION_CHECK_MS = 30_000;
/** The feed's refresh period (FEED_REFRESH_MS). */
const FEED_REFRESH_MS = 5_000;
/** Past the check's two retries together (1 s, then 2 s). */
const PAST_THE_RETRIES_MS = 4_000;

describeIncident('restart-logout', () => {
  test('the api, then the web server, restart while a job runs: the user stays signed in, the job completes', async ({
    page,
    app,
    services,
    tenant,
    jobs,
    requests,
    navigations,
  }) => {
    test.setTimeout(60_000); // two restarts, and the stalled job's takeover
    const prompt = 'a harbour through a restart';
    const sessionChecks = (since: number) => requests.matching({ method: 'GET', path: routes.me }).filter((r) => r.startedAt >= since);

    const jobId = await test.step('conditions: signed in, a job running on the jobs page (the page clock paused)', async () => {
      const jobId = await app.startHeldJob(tenant.member, prompt, 40, { clock: true });
      return jobId;
    });

    await test.step('action: the api stops; the 30 s session check and its two retries get no answer', async () => {
      await services.api.stop();
      const since = Date.now();
      await page.clock.runFor(SESSION_CHECK_MS);
      await expect
        .poll(
          async () => {
            await page.clock.runFor(1_000);
            return sessionChecks(since).filter((r) => r.failure).length;
          },
          { message: 'the session check and its two retries went unanswered', timeout: 20_000 },
        )
        .toBe(3);
      await page.clock.runFor(PAST_THE_RETRIES_MS);
      await requests.whenIdle();
    });

    await test.step('action: the api comes back, then the web server restarts', async () => {
      await services.api.start();
      await services.web.restart();
    });

    await test.step('recovery: still signed in, and the next session check answers without a reload', async () => {
      expect(
        navigations.arrivalsAt('/login'),
        `restart logout: signed out while the api restarted\n  navigations: ${navigations.sequence()}`,
      ).toBe(0);
      const since = Date.now();
      await page.clock.runFor(SESSION_CHECK_MS);
      await expect
        .poll(() => sessionChecks(since).filter((r) => r.status === 200).length, {
          message: 'the session check resumed once the api was back',
        })
        .toBe(1);
    });

    await test.step('action: the user reloads the page from the restarted web server', async () => {
      await page.reload();
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    // The feed, not the card: a job that finished while the page clock ran has left its
    // snapshot, and the card with it, by design.
    await test.step('recovery: the restarted worker took the job over; the user never left; it completed, in Postgres and in the feed', async () => {
      expect(navigations.arrivalsAt('/login'), `logged out\n  navigations: ${navigations.sequence()}`).toBe(0);
      // The restart took the stand-in provider down with it: the worker that takes over
      // the stalled job finds its generation lost and starts it again, unscripted.
      await expect
        .poll(async () => (await jobs.row(jobId)).status, { message: `job ${jobId} lost in the api restart`, timeout: 20_000 })
        .toBe('completed');
      await page.clock.runFor(FEED_REFRESH_MS);
      await expect(app.jobsPage.row(jobId)).toContainText('completed');
    });
  });
});
