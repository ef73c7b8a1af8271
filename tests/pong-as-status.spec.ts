// job-status-oscillation-stale-storage-cancel.md: keep-alive `pong` frames arrived between
// status frames, were read as status updates, and made the shown status oscillate.
import { renderCounts } from '../fixtures/detectors/job-statuses.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { jobCard, runningJob } from './support/jobs-page.ts';

/** A minute of keep-alive: the page pings every 5 s and the server answers each with a pong. */
const KEEPALIVE_MS = 60_000;
const liveSocket = /\/api\/v1\/jobs\/[^/]+\/live$/;

describeIncident('pong-as-status', () => {
  test('a minute of pong frames between status frames: the status and progress shown do not move', async ({ page, tenant, sessions, provider, sockets, jobStatuses }) => {
    let jobId = '';

    await test.step('conditions: a running job, live over its socket, browser clock under test control', async () => {
      await provider.hold();
      await page.clock.install();
      await sessions.signIn(page, tenant.member);
      await page.goto('/jobs');
      jobId = await runningJob(page, provider, 'tide tables for a week', 40);
      await expect(jobCard(page)).toHaveAttribute('data-live', 'live');
    });

    const statesBefore = (await jobStatuses.states()).length;
    const rendersBefore = (await renderCounts(page)).JobProgress ?? 0;
    const pongsBefore = sockets.framesOfType('pong', liveSocket).length;

    await test.step('action: a minute of keep-alive frames, no change to the job', async () => {
      for (let elapsed = 0; elapsed < KEEPALIVE_MS; elapsed += 5_000) {
        const pongs = sockets.framesOfType('pong', liveSocket).length;
        await page.clock.runFor(5_000);
        await expect.poll(() => sockets.framesOfType('pong', liveSocket).length).toBeGreaterThan(pongs);
      }
    });

    await test.step('recovery: no pong changed the card, and the card barely re-rendered', async () => {
      const pongs = sockets.framesOfType('pong', liveSocket).length - pongsBefore;
      const shown = (await jobStatuses.states()).slice(statesBefore);
      expect(
        shown.map((s) => `${s.status} ${s.progress}%`),
        `pong-as-status: ${pongs} keep-alive frames changed the card: ${shown.map((s) => s.status).join(' → ')}`,
      ).toEqual([]);
      const renders = ((await renderCounts(page)).JobProgress ?? 0) - rendersBefore;
      expect(renders, `the card re-rendered ${renders} times for ${pongs} pongs`).toBeLessThanOrEqual(2);
      expect(pongs, 'the keep-alive really ran').toBeGreaterThanOrEqual(KEEPALIVE_MS / 5_000);
    });

    await test.step('recovery: a real status frame still lands', async () => {
      await provider.step(jobId, { complete: 'tide tables' });
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverGoBackwards();
    });
  });
});
