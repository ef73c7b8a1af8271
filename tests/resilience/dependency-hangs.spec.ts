// Hangs survived. A stopped dependency refuses at once (dependency-outage covers that); a
// paused or partitioned one accepts connections and never answers, so without deadlines
// every request, health included, would wait on it forever. Postgres, then Redis, is
// paused (docker pause; SIGSTOP in local mode) under a signed-in user with a running job.
//
// The bounds held here, with room for a loaded machine: health answers within 3 s (each
// dependency gets 1.5 s, asked at once), and any other request within 8 s (a query gives
// up after 4 s, a Redis command after 1 s, queueing a job after 2 s).
import { expect, routes, test } from '../../fixtures/index.ts';

test.use({ needs: ['own-stack'] });
// Each hang is waited out on the api's real deadlines, seconds each, and recovered from twice.
test.setTimeout(90_000);

const HEALTH_BOUND_MS = 3_000;
const REQUEST_BOUND_MS = 8_000;

test('Postgres hangs, then Redis: every answer comes within its bound, naming the hung dependency, and all recovers', async ({
  app,
  publicApi,
  faults,
  tenant,
  provider,
  jobs,
  requests,
  jobStatuses,
}) => {
  const user = tenant.member;
  const { jobsPage, healthBanner } = app;
  const health = () => app.health({ timeout: HEALTH_BOUND_MS });
  const feed = () => publicApi.as(user).get(routes.jobs, { timeout: REQUEST_BOUND_MS });

  const jobId = await test.step('conditions: a job held by the provider at 40%, followed on the jobs page', async () => {
    const id = await app.startHeldJob(user, 'survives hung dependencies', 40, { clock: true });
    expect((await feed()).status(), 'the feed, asked before anything hangs').toBe(200);
    return id;
  });

  const postgresHang = await test.step('action: Postgres hangs', () => faults.pause('postgres'));

  await test.step(`recovery: health answers within ${HEALTH_BOUND_MS} ms, not ready, naming the database as timed out`, async () => {
    const { code, report } = await health();
    expect(report.checks.database, `health answered ${code} ${report.status}`).toEqual({ status: 'down', reason: 'timed out' });
    expect(code).toBe(503);
    expect(report.checks.redis.status).toBe('up');
  });

  await test.step(`recovery: a request that needs Postgres answers 503 within ${REQUEST_BOUND_MS} ms`, async () => {
    const response = await feed();
    expect(response.status()).toBe(503);
    expect(await response.json()).toEqual({
      error: 'unavailable',
      message: 'The service cannot reach its database or queue right now. Try again shortly.',
    });
  });

  await test.step('recovery: the page says so, and every request it made was answered', async () => {
    await app.nextHealthPoll();
    await expect(healthBanner).toHaveText(/having trouble/);
    expect(requests.count({ method: 'GET', path: routes.health, status: 503 })).toBeGreaterThanOrEqual(1);
  });

  await test.step('action: Postgres resumes', () => postgresHang.undo());

  await test.step('recovery: Postgres is back; health is ok and the banner goes', async () => {
    await app.untilHealthy();
    await app.nextHealthPoll();
    await expect(healthBanner).toHaveCount(0);
    expect((await feed()).status()).toBe(200);
  });

  const redisHang = await test.step('action: Redis hangs', () => faults.pause('redis'));

  await test.step(`recovery: health answers within ${HEALTH_BOUND_MS} ms, degraded, naming Redis as timed out`, async () => {
    const { code, report } = await health();
    expect(report.checks.redis, `health answered ${code} ${report.status}`).toEqual({ status: 'down', reason: 'timed out' });
    expect(code).toBe(200);
    expect(report.status).toBe('degraded');
  });

  await test.step(`recovery: what Postgres serves answers within ${REQUEST_BOUND_MS} ms; a new job is refused, not lost`, async () => {
    expect((await feed()).status()).toBe(200);
    await app.nextHealthPoll();
    await expect(healthBanner).toHaveText(/degraded: live updates and new jobs may be delayed/);
    await jobsPage.submit('written while Redis hangs');
    await jobsPage.untilFormIdle();
    await expect(jobsPage.alert).toHaveText('New jobs cannot be queued right now. Try again shortly.');
    expect(await jobs.ofUser(user), 'the held job only: no phantom row for the refused one').toEqual([{ id: jobId, status: 'running' }]);
  });

  await test.step('action: Redis resumes', () => redisHang.undo());

  await test.step('recovery: Redis is back; the held job completes once, and a new job runs to completed', async () => {
    await app.untilHealthy();
    await app.nextHealthPoll();
    await expect(healthBanner).toHaveCount(0);
    await provider.step(jobId, { complete: 'held result' });
    await expect.poll(async () => (await jobs.row(jobId)).status, { timeout: 20_000 }).toBe('completed');
    expect((await jobs.row(jobId)).result).toBe('held result');
    await expect(jobStatuses).toNeverRegress();
    const fresh = await jobsPage.generateAndFollow('written after Redis came back');
    await provider.step(fresh, { complete: 'fresh result' });
    await expect(jobsPage.card).toHaveAttribute('data-job-status', 'completed', { timeout: 20_000 });
    expect(await jobs.ofUser(user), 'the held job and the new one, each once').toEqual([
      { id: fresh, status: 'completed' },
      { id: jobId, status: 'completed' },
    ]);
  });
});
