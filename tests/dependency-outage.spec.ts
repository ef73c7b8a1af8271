// session-expiry-refresh-loop.md, health checks (parts 2.2 and 2.6): dependencies went
// away under a running app, and health said nothing useful. Here Redis, then Postgres,
// stop mid-session and come back.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

describeIncident('dependency-outage', () => {
  test('Redis stops, then Postgres: health and the page say so, what can work works, everything recovers', async ({
    app,
    publicApi,
    pageClock,
    faults,
    tenant,
    jobs,
    requests,
  }) => {
    // Two outages and two recoveries, each waited out through health: more than the default 30 s on a busy machine.
    test.setTimeout(60_000);
    const user = tenant.member;
    const { jobsPage, healthBanner } = app;

    const session = await test.step('conditions: signed in, on the dashboard, all services up', async () => {
      await pageClock.install();
      const session = await app.signIn(user);
      await app.dashboard.open();
      await expect(app.dashboard.signedInAs(user)).toBeVisible();
      await expect(healthBanner).toHaveCount(0);
      return session;
    });

    const redisDown = await test.step('action: Redis stops', () => faults.stop('redis'));

    await test.step('recovery: health reports degraded and names Redis', async () => {
      const { code, report } = await app.health();
      expect(report.status, `outage unnoticed: health answered ${code} ${report.status} with Redis stopped`).toBe('degraded');
      expect(code).toBe(200);
      expect(report.checks.redis.status).toBe('down');
    });

    await test.step('recovery: the page says so, and what Postgres serves keeps working', async () => {
      await app.nextHealthPoll();
      await expect(healthBanner).toHaveText(/degraded: live updates and new jobs may be delayed/);
      await app.dashboard.refresh();
      await expect.poll(() => requests.count({ method: 'GET', path: routes.dashboard, status: 200 })).toBeGreaterThanOrEqual(2);
      await app.navigate('Jobs');
      await expect.poll(() => requests.count({ method: 'GET', path: routes.jobs, status: 200 }), 'the feed loaded from Postgres').toBe(1);
      await jobsPage.submit('written while Redis is down');
      await jobsPage.untilFormIdle();
      await expect(jobsPage.alert).toHaveText('New jobs cannot be queued right now. Try again shortly.');
      expect(await jobs.ofUser(user), 'no phantom job rows for the refused attempts').toEqual([]);
    });

    await test.step('action: Redis starts again', () => redisDown.undo());

    await test.step('recovery: Redis is back; health is ok, the banner goes, a new job runs to completed', async () => {
      await app.untilHealthy();
      await app.nextHealthPoll();
      await expect(healthBanner).toHaveCount(0);
      await jobsPage.submit('written after Redis came back');
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'completed', { timeout: 15_000 });
    });

    const postgresDown = await test.step('action: Postgres stops', () => faults.stop('postgres'));

    await test.step('recovery: health reports not ready and names the database; the page says so', async () => {
      const { code, report } = await app.health();
      expect(code).toBe(503);
      expect(report.checks.database.status).toBe('down');
      await app.nextHealthPoll();
      await expect(healthBanner).toHaveText(/having trouble/);
    });

    await test.step('recovery: a request that needs Postgres answers 503 with the reason, not 500', async () => {
      const feed = await publicApi.as(session).get(routes.jobs);
      expect(feed.status(), `Postgres stopped: GET ${routes.jobs} answered ${feed.status()}`).toBe(503);
      expect(((await feed.json()) as { error: string }).error).toBe('unavailable');
    });

    await test.step('action: Postgres starts again', () => postgresDown.undo());

    await test.step('recovery: Postgres is back; the same page works again without a reload', async () => {
      await app.untilHealthy();
      await app.navigate('Dashboard');
      await expect(app.dashboard.signedInAs(user)).toBeVisible();
      await app.nextHealthPoll();
      await expect(healthBanner).toHaveCount(0);
    });
  });
});
