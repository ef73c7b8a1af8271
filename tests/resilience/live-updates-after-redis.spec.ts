// Pub/sub keeps nothing for a subscriber that is away: what the api announces while its
// subscriber is off Redis never reaches a live card by itself. Found as a rare failure of
// service-restarts, whose next test began while the api was still reconnecting.
import { expect, test } from '../../fixtures/index.ts';

// Stopping Redis would disturb every test sharing the run's stack.
test.use({ needs: ['own-stack'] });

test('a change made while Redis is down reaches a live card once Redis is back, over its socket alone', async ({
  page,
  app,
  faults,
  tenant,
  provider,
  jobs,
}) => {
  const { card } = app.jobsPage;

  const jobId =
    await test.step('conditions: a job at 40%, followed live; the page clock paused, so no poll or feed refresh can bring news', async () => {
      const jobId = await app.startHeldJob(tenant.member, 'moves while Redis is down', 40, { clock: true });
      await expect(card).toHaveAttribute('data-live', 'live');
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
      return jobId;
    });

  await test.step('action: Redis stops, the job reaches 60% meanwhile, Redis comes back', async () => {
    const outage = await faults.stop('redis');
    await provider.step(jobId, { progress: 60 });
    await expect.poll(async () => (await jobs.row(jobId)).progress, { message: 'the worker recorded 60% in Postgres' }).toBe(60);
    await expect(card, 'the 60% announcement went nowhere while Redis was down').toContainText('running (40%)');
    await outage.undo();
  });

  await test.step('recovery: the card shows 60%, brought by its live socket', async () => {
    await expect(card, 'the live socket never caught up with what changed while Redis was away').toContainText('running (60%)', {
      timeout: 10_000,
    });
  });
});
