// session-expiry-refresh-loop.md, health checks (parts 2.2 and 2.6): dependencies went
// away under a running app, and health said nothing useful. Here Redis, then Postgres,
// stop mid-session and come back.
import type { HealthReport } from '../app/shared/api-types.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { generate, jobCard, untilFormIdle } from './support/jobs-page.ts';

const HEALTH_POLL_MS = 10_000;

describeIncident('dependency-outage', () => {
  test('Redis stops, then Postgres: health and the page say so, what can work works, everything recovers', async ({ page, api, db, stack, tenant, sessions, requests }) => {
    test.skip(stack.mode === 'external', 'needs a stack this run owns: it stops services');
    const user = tenant.member;
    const banner = page.getByRole('status', { name: 'Service health' });
    const health = async () => {
      const response = await api.get('/api/v1/health');
      return { code: response.status(), report: (await response.json()) as HealthReport };
    };
    const nextHealthPoll = async () => {
      await page.clock.runFor(HEALTH_POLL_MS);
      await requests.whenIdle();
    };

    await test.step('conditions: signed in, on the dashboard, all services up', async () => {
      await page.clock.install();
      await sessions.signIn(page, user);
      await page.goto('/dashboard');
      await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
      await expect(banner).toHaveCount(0);
    });

    try {
      await test.step('action: Redis stops', async () => {
        await stack.services.redis.stop();
      });

      await test.step('recovery: health reports degraded and names Redis', async () => {
        const { code, report } = await health();
        expect(report.status, `outage unnoticed: health answered ${code} ${report.status} with Redis stopped`).toBe('degraded');
        expect(code).toBe(200);
        expect(report.checks.redis.status).toBe('down');
      });

      await test.step('recovery: the page says so, and what Postgres serves keeps working', async () => {
        await nextHealthPoll();
        await expect(banner).toHaveText(/degraded: live updates and new jobs may be delayed/);
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect.poll(() => requests.count({ method: 'GET', path: '/api/v1/dashboard', status: 200 })).toBeGreaterThanOrEqual(2);
        await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
        await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
        await expect.poll(() => requests.count({ method: 'GET', path: '/api/v1/jobs', status: 200 }), 'the feed loaded from Postgres').toBe(1);
        await generate(page, 'written while Redis is down');
        await untilFormIdle(page, requests);
        await expect(page.getByRole('alert')).toHaveText('New jobs cannot be queued right now. Try again shortly.');
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE user_id = $1', [user.id]);
        expect(rows[0]?.n, 'no phantom job rows for the refused attempts').toBe(0);
      });
    } finally {
      await stack.services.redis.start();
    }

    await test.step('recovery: Redis is back; health is ok, the banner goes, a new job runs to completed', async () => {
      await expect.poll(async () => (await health()).report.status, { timeout: 15_000 }).toBe('ok');
      await nextHealthPoll();
      await expect(banner).toHaveCount(0);
      await generate(page, 'written after Redis came back');
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed', { timeout: 15_000 });
    });

    try {
      await test.step('action: Postgres stops', async () => {
        await stack.services.postgres.stop();
      });

      await test.step('recovery: health reports not ready and names the database; the page says so', async () => {
        const { code, report } = await health();
        expect(code).toBe(503);
        expect(report.checks.database.status).toBe('down');
        await nextHealthPoll();
        await expect(banner).toHaveText(/having trouble/);
      });
    } finally {
      await stack.services.postgres.start();
    }

    await test.step('recovery: Postgres is back; the same page works again without a reload', async () => {
      await expect.poll(async () => (await health()).report.status, { timeout: 15_000 }).toBe('ok');
      await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
      await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
      await nextHealthPoll();
      await expect(banner).toHaveCount(0);
    });
  });
});
