// stuck-generations-internal-401.md, issue B: the session may expire between creating a
// generation and the call that follows it up, which the api then refuses with 401. Here the
// follow-up is the job's live socket: its connection drops, and it reconnects after the
// access token expired. The card turns live only on a status frame, so "live again" means
// the job's news arrives over the renewed socket.
import { anyApiPath, anyJobSocket, describeIncident, expect, routes, test } from '../fixtures/index.ts';

const PROMPT = 'a harbour after hours';
const REFRESH = { method: 'POST', path: routes.refresh };
/** The access token's life left at sign-in: enough to open the page, create the job and go live. */
const ACCESS_LEFT_SECONDS = 6;
/** The socket's first reconnect waits 1 s (500 ms × 2, app/web/src/jobs/use-job-socket.ts). */
const FIRST_RECONNECT_MS = 1_000;
/** The api's "sign in again" close code. */
const SIGN_IN_AGAIN = 4401;

describeIncident('expiry-before-follow-up', () => {
  test('the access token expires while the job socket is away: it renews the session once, comes back live, and the user stays signed in', async ({
    page,
    app,
    tenant,
    provider,
    network,
    requests,
    navigations,
  }) => {
    const { jobsPage } = app;
    const sockets = await network.relaySockets(anyJobSocket);

    const jobId =
      await test.step(`conditions: signed in with ${ACCESS_LEFT_SECONDS} s of access left; a job running, live over its socket (page clock paused)`, async () => {
        const { accessToken } = await app.openJobsPage(tenant.member, {
          held: true,
          clock: true,
          accessLeftSeconds: ACCESS_LEFT_SECONDS,
        });
        const jobId = await jobsPage.generateAndFollow(PROMPT);
        await provider.step(jobId, { progress: 40 });
        await expect(jobsPage.card).toContainText('running (40%)');
        await expect(jobsPage.card).toHaveAttribute('data-live', 'live');
        // From here the page's timers run only when the test runs them: no feed refresh or
        // session check renews the session behind the socket's back.
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        // Real time: the token expires on the api's clock, which no page clock moves.
        await expect
          .poll(async () => (await network.capture(routes.me, accessToken)).status(), {
            message: 'the planted access token never expired',
            timeout: (ACCESS_LEFT_SECONDS + 5) * 1000,
          })
          .toBe(401);
        expect(requests.count(REFRESH), 'the page renewed its session before the socket dropped: the condition did not arise').toBe(0);
        return jobId;
      });

    await test.step('action: the connection drops; the socket reconnects on its backoff, with the expired token', async () => {
      await sockets.drop();
      await expect(jobsPage.card, 'the socket never dropped: the condition did not arise').toHaveAttribute('data-live', 'connecting');
      await page.clock.runFor(FIRST_RECONNECT_MS);
      await expect
        .poll(() => sockets.serverCloses.filter((code) => code === SIGN_IN_AGAIN).length, {
          message: 'the api never refused the expired token on the socket: the condition did not arise',
        })
        .toBeGreaterThanOrEqual(1);
    });

    await test.step('recovery: the socket renews the session and is live again at once, before any timer of the page runs', async () => {
      await expect(
        jobsPage.card,
        `expiry unrenewed: the socket of job ${jobId} did not come back live after the api refused its expired token`,
      ).toHaveAttribute('data-live', 'live');
    });

    await test.step('recovery: past every timer of the page, the sign-in carried on: one refresh, by the socket, no request refused, never on /login', async () => {
      await expect(navigations).toSettle(() => requests.whenIdle());
      expect(
        {
          refreshes: requests.count(REFRESH),
          refused: requests.matching({ path: anyApiPath, status: 401 }).map((r) => `${r.method} ${r.path}`),
          arrivalsAtLogin: navigations.arrivalsAt('/login'),
        },
        `the renewal went through a refused request, not the socket\n  navigations: ${navigations.sequence()}`,
      ).toEqual({ refreshes: 1, refused: [], arrivalsAtLogin: 0 });
    });
  });
});
