// job-status-oscillation-stale-storage-cancel.md: keep-alive `pong` frames arrived between
// status frames, were read as status updates, and made the shown status oscillate.
import { anyJobSocket, describeIncident, expect, test } from '../fixtures/index.ts';

/** A minute of keep-alive: the page pings every 5 s and the server answers each with a pong. */
const KEEPALIVE_MS = 60_000;

describeIncident('pong-as-status', () => {
  test('a minute of pong frames between status frames: the status and progress shown do not move', async ({
    page,
    app,
    tenant,
    provider,
    sockets,
    jobStatuses,
    renders,
  }) => {
    const { card } = app.jobsPage;
    const pongs = () => sockets.framesOfType('pong', anyJobSocket).length;

    const jobId = await test.step('conditions: a running job, live over its socket, browser clock under test control', async () => {
      const jobId = await app.startHeldJob(tenant.member, 'tide tables for a week', 40, { clock: true });
      await expect(card).toHaveAttribute('data-live', 'live');
      return jobId;
    });

    const statesBefore = (await jobStatuses.states()).length;
    const rendersBefore = await renders.of('JobProgress');
    const pongsBefore = pongs();

    await test.step('action: a minute of keep-alive frames, no change to the job', async () => {
      for (let elapsed = 0; elapsed < KEEPALIVE_MS; elapsed += 5_000) {
        const seen = pongs();
        await page.clock.runFor(5_000);
        await expect.poll(pongs).toBeGreaterThan(seen);
      }
    });

    await test.step('recovery: no pong changed the card, and the card barely re-rendered', async () => {
      const received = pongs() - pongsBefore;
      const shown = (await jobStatuses.states()).slice(statesBefore);
      expect(
        shown.map((s) => `${s.status} ${s.progress}%`),
        `pong-as-status: ${received} keep-alive frames changed the card\n  shown: ${shown.map((s) => s.status).join(' → ')}`,
      ).toEqual([]);
      const cardRenders = (await renders.of('JobProgress')) - rendersBefore;
      expect(cardRenders, `the card re-rendered ${cardRenders} times for ${received} pongs`).toBeLessThanOrEqual(2);
      expect(received, 'the keep-alive really ran').toBeGreaterThanOrEqual(KEEPALIVE_MS / 5_000);
    });

    await test.step('recovery: a real status frame still lands', async () => {
      await provider.step(jobId, { complete: 'tide tables' });
      await expect(card).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverGoBackwards();
    });
  });
});
