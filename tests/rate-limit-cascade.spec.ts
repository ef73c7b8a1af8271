// deployment-cascade-rate-limit-cors-schema.md, section 7: a failing operation was
// retried 14 times, each retry spent the rate budget, and once it ran out even /auth/me
// was refused; the auth check never completed and the page seized.
import { describeIncident, expect, perMechanism, test } from '../fixtures/index.ts';

const BUDGET = 5;
const WINDOW_MS = 60_000;
const SESSION_CHECK_MS = 30_000;
/** Clicks a user makes at most before the budget must have run out (3 requests each). */
const MAX_CLICKS = 3;
const INTO_WINDOW_MS = 20_000;
/** The client's first retry waits this long (retryPolicy in client.ts). */
const FIRST_BACKOFF_MS = 1_000;

/** The incident's two mechanisms, a switch each: the api's shared budget, the client's retry storm. */
const mechanisms = { 'session checks share the budget': 'shared-rate-budget', 'the client retries everything': 'retry-storm' } as const;

describeIncident('rate-limit-cascade', () => {
  perMechanism(mechanisms, () => {
    test('a failing create against a budget of 5: bounded retries, session checks untouched, a visible limit, recovery after the window', async ({
      page,
      app,
      tenant,
      provider,
      rateLimits,
      serverClock,
      jobs,
      requests,
      renders,
      browserErrors,
    }) => {
      const user = tenant.member;
      const { jobsPage } = app;
      const creates = () => requests.matching({ method: 'POST', path: '/api/v1/jobs' });
      let clicks = 0;

      await test.step(`conditions: the provider is down, the general budget is ${BUDGET} per window, ${INTO_WINDOW_MS / 1000} s of it gone`, async () => {
        await provider.failModeration();
        await rateLimits.setGeneralBudget(BUDGET);
        // Retry-After then counts down from 40, which no fallback of the page's can pass for.
        await serverClock.advance(INTO_WINDOW_MS);
        await app.openJobsPage(user, { clock: true });
      });

      await test.step('action: the user clicks Generate; the failure is retried after a backoff, not at once', async () => {
        // Paused, the page's clock moves only when the test moves it: the backoff is measured in its time.
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        clicks = 1;
        await jobsPage.submit('a schedule, attempt 1');
        await expect.poll(() => creates()[0]?.status, 'the first create failed').toBe(502);
        await page.clock.runFor(FIRST_BACKOFF_MS - 100);
        expect(creates(), `retried within ${FIRST_BACKOFF_MS - 100} ms: no backoff`).toHaveLength(1);
        await page.clock.resume();
        await jobsPage.untilFormIdle();
        await expect(jobsPage.alert).toBeVisible();
      });

      await test.step('action: the user clicks Generate after each failure, until the budget runs out', async () => {
        const limited = async () => (await jobsPage.alert.allTextContents()).some((text) => text.startsWith('Too many requests'));
        while (clicks < MAX_CLICKS && !(await limited())) {
          clicks += 1;
          await jobsPage.submit(`a schedule, attempt ${clicks}`);
          await jobsPage.untilFormIdle();
          await expect(jobsPage.alert).toBeVisible();
        }
        expect(
          creates().some((r) => r.status === 429),
          'the general budget ran out',
        ).toBe(true);
      });

      await test.step('recovery: the page shows the Retry-After the api sent', async () => {
        const refusal = creates().find((r) => r.status === 429)!;
        await expect(jobsPage.alert).toHaveText(`Too many requests. Try again in ${refusal.retryAfter} s.`);
      });

      await test.step('action: the 30-second session check comes due while the budget is spent', async () => {
        await page.clock.runFor(SESSION_CHECK_MS);
        await requests.whenIdle();
      });

      await test.step('recovery: the session endpoints were never refused', async () => {
        const refused = requests.matching({ path: /^\/api\/v1\/auth\/(me|refresh)$/, status: 429 });
        expect(
          refused,
          `rate-limit cascade: ${refused.length} session checks refused with 429\n  after ${creates().length} POST /api/v1/jobs for ${clicks} clicks`,
        ).toHaveLength(0);
        const lastRefusal = creates().findLast((r) => r.status === 429)!.startedAt;
        expect(
          requests.matching({ path: '/api/v1/auth/me', status: 200 }).some((r) => r.startedAt > lastRefusal),
          'a session check passed after the limit',
        ).toBe(true);
      });

      await test.step('recovery: retries were bounded, none after a 429', async () => {
        const sent = creates();
        expect(sent.length, `retry storm: ${sent.length} POST /api/v1/jobs for ${clicks} clicks`).toBeLessThanOrEqual(clicks * 3);
        const firstRefusal = sent.findIndex((r) => r.status === 429);
        expect(sent.slice(firstRefusal + 1), 'no retry after a 429').toEqual([]);
      });

      await test.step('recovery: a rate-limited state with the retry time, no spinner, no render loop', async () => {
        await expect(jobsPage.alert).toHaveText(/^Too many requests\. Try again in \d+ s\.$/);
        await expect(jobsPage.generateButton).toBeDisabled();
        await expect(page.locator('form')).toHaveAttribute('aria-busy', 'false');
        const pageRenders = await renders.of('JobsPage');
        expect(pageRenders, `JobsPage rendered ${pageRenders} times`).toBeLessThan(60);
        // A refused request logs one console error; nothing else may.
        expect(browserErrors.consoleErrors.length).toBeLessThanOrEqual(requests.matching({}).filter((r) => (r.status ?? 0) >= 400).length);
        expect(browserErrors.pageErrors).toEqual([]);
      });

      await test.step('recovery: once the window passes, the same click works, and nobody flushed Redis', async () => {
        const [spent, ...others] = await rateLimits.generalWindows(user);
        expect(others, 'the spent window is the one real key in Redis').toEqual([]);
        await serverClock.advance(WINDOW_MS);
        await page.clock.runFor(WINDOW_MS);
        await provider.recover();
        await expect(jobsPage.generateButton).toBeEnabled();
        await jobsPage.submit('a schedule, after the window');
        await expect(jobsPage.card).toHaveAttribute('data-job-status', /pending|running|completed/);
        const windows = await rateLimits.generalWindows(user);
        expect(windows.find((w) => w.key === spent!.key)?.count, 'the spent window kept its count').toBeGreaterThan(BUDGET);
        expect(windows, 'a new window opened beside it').toHaveLength(2);
        expect(await jobs.ofUser(user), 'exactly the one job created after the window').toHaveLength(1);
      });
    });
  });
});
