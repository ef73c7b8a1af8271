// deployment-cascade-rate-limit-cors-schema.md, section 7: a failing operation was
// retried 14 times, each retry spent the rate budget, and once it ran out even /auth/me
// was refused; the auth check never completed and the page seized.
import { describeIncident, expect, perMechanism, routes, test } from '../fixtures/index.ts';

const BUDGET = 5;
const WINDOW_MS = 60_000;
const SESSION_CHECK_MS = 30_000;
/** Clicks a user makes at most before the budget must have run out (3 requests each). */
const MAX_CLICKS = 3;
const INTO_WINDOW_MS = 20_000;
/** The client's first retry waits this long, the second twice as long (retryPolicy in client.ts). */
const FIRST_BACKOFF_MS = 1_000;
/** Longer than any backoff the client may use (MAX_BACKOFF_MS is 8 s): a retry later than this is a loop. */
const PAST_EVERY_BACKOFF_MS = 16_000;

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
      const creates = () => requests.matching({ method: 'POST', path: routes.jobs });
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
        const refused = [routes.me, routes.refresh].flatMap((path) => requests.matching({ path, status: 429 }));
        expect(
          refused,
          `rate-limit cascade: ${refused.length} session checks refused with 429\n  after ${creates().length} POST ${routes.jobs} for ${clicks} clicks`,
        ).toHaveLength(0);
        const lastRefusal = creates().findLast((r) => r.status === 429)!.startedAt;
        expect(
          requests.matching({ path: routes.me, status: 200 }).some((r) => r.startedAt > lastRefusal),
          'a session check passed after the limit',
        ).toBe(true);
      });

      await test.step('recovery: retries were bounded, none after a 429', async () => {
        const sent = creates();
        expect(sent.length, `retry storm: ${sent.length} POST ${routes.jobs} for ${clicks} clicks`).toBeLessThanOrEqual(clicks * 3);
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

  test.describe('each query the pages make', () => {
    // Postgres is stopped, which only the test's own stack allows; the client's retry policy is what is under test.
    test.use({ needs: ['own-stack'], reintroduces: 'retry-storm' });
    test.setTimeout(90_000);

    test('the feed, settings and dashboard: a 5xx retried twice after 1 s and 2 s, a 429 never', async ({
      page,
      app,
      publicApi,
      tenant,
      services,
      rateLimits,
      requests,
    }) => {
      const user = tenant.member;
      const queries = {
        feed: { method: 'GET', path: routes.jobs },
        settings: { method: 'GET', path: routes.generationSettings },
        dashboard: { method: 'GET', path: routes.dashboard },
      } as const;
      type Query = keyof typeof queries;
      /** Requests before this (real) time belong to an earlier step. */
      let since = 0;
      const attempts = (query: Query, status?: number) =>
        requests.matching({ ...queries[query], status }).filter((r) => r.startedAt >= since);
      const sent = (query: Query) => attempts(query).length;
      const answered = (query: Query) => attempts(query).filter((r) => r.endedAt !== undefined).length;
      /** Moves the paused page clock, then checks how many attempts each query has made. */
      const after = async (ms: number, attempts: number, onPage: Query[], why: string) => {
        await page.clock.runFor(ms);
        for (const query of onPage) {
          await expect.poll(() => sent(query), `${query}: ${why}`).toBe(attempts);
          await expect.poll(() => answered(query), `${query}: attempt ${attempts} answered`).toBe(attempts);
        }
      };
      /** The one schedule: an attempt, a retry 1 s after its failure, another 2 s after that, then none. */
      const retriedOnSchedule = async (onPage: Query[]) => {
        await after(0, 1, onPage, 'one attempt (more: retried within 0 ms: no backoff)');
        await after(FIRST_BACKOFF_MS - 1, 1, onPage, `retried within ${FIRST_BACKOFF_MS - 1} ms: no backoff`);
        await after(1, 2, onPage, 'retried once, after 1 s');
        await after(2 * FIRST_BACKOFF_MS - 1, 2, onPage, `retried within ${2 * FIRST_BACKOFF_MS - 1} ms: no backoff`);
        await after(1, 3, onPage, 'retried twice, the second 2 s after the first');
        await after(PAST_EVERY_BACKOFF_MS, 3, onPage, `a third retry within ${PAST_EVERY_BACKOFF_MS / 1000} s`);
      };

      await test.step('conditions: signed in on the jobs page, then Postgres stops', async () => {
        await app.openJobsPage(user, { clock: true });
        // Loaded and idle first: a request of this load still out would count with the reload's.
        await expect.poll(() => attempts('feed', 200).length + attempts('settings', 200).length, 'the page loaded').toBe(2);
        await requests.whenIdle();
        await services.postgres.stop();
      });

      await test.step('action: the user reloads the jobs page (paused page clock); every query answers 503', async () => {
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        since = Date.now();
        await page.reload();
      });

      await test.step('recovery: the feed and settings are each retried twice, after 1 s and then 2 s, and then left alone', async () => {
        await retriedOnSchedule(['feed', 'settings']);
        expect(
          [...attempts('feed'), ...attempts('settings')].map((r) => r.status),
          'every attempt failed',
        ).not.toContain(200);
      });

      await test.step('action and recovery: the user opens the dashboard; the same schedule', async () => {
        await app.navigate('Dashboard');
        await retriedOnSchedule(['dashboard']);
      });

      await test.step('conditions: Postgres is back; the general budget is 1, and spent', async () => {
        await services.postgres.start();
        // Postgres answers before the api's pool has reconnected to it: wait for the api.
        await expect.poll(async () => (await publicApi.get(routes.health)).status(), { timeout: 15_000 }).toBe(200);
        await rateLimits.setGeneralBudget(1);
        const session = await app.signIn(user);
        const spent = await publicApi.as(session).get(routes.dashboard);
        expect(spent.status(), 'the one request the budget allows').toBe(200);
      });

      await test.step('action: the user opens the jobs page; the feed and settings are refused with 429', async () => {
        since = Date.now();
        await app.jobsPage.open();
      });

      await test.step('recovery: each 429 is sent once, never retried', async () => {
        for (const query of ['feed', 'settings'] as const) {
          await expect.poll(() => attempts(query, 429).length, `${query}: refused`).toBe(1);
        }
        await after(PAST_EVERY_BACKOFF_MS, 1, ['feed', 'settings'], 'a 429 retried');
        await app.navigate('Dashboard');
        await expect.poll(() => attempts('dashboard', 429).length, 'dashboard: refused').toBe(1);
        await after(PAST_EVERY_BACKOFF_MS, 1, ['dashboard'], 'a 429 retried');
      });
    });
  });
});
