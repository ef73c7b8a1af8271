// job-status-oscillation-stale-storage-cancel.md: the job had completed on the server,
// but the page rehydrated an older snapshot from localStorage, a late poll carried an
// older status, and the card showed pending again, reconnecting a socket for it.
import { anyJobSocket, describeIncident, expect, pathTo, perMechanism, routes, test } from '../fixtures/index.ts';

/** Simulated time the spec watches the completed job for; the snapshot must go within it. */
const WATCH_MS = 30_000;

/** The fix's three mechanisms, a switch each. */
const mechanisms = {
  'one guard for every update': 'stale-job-snapshot',
  'the snapshot leaves storage': 'snapshot-never-cleared',
  'no socket before the server confirms': 'socket-from-snapshot',
} as const;

describeIncident('stale-job-rehydrate', () => {
  perMechanism(mechanisms, () => {
    test('a completed job, a pending snapshot in storage, a late running poll: completed stays, the snapshot goes, no socket', async ({
      page,
      pageClock,
      app,
      network,
      tenant,
      provider,
      jobs,
      requests,
      sockets,
      browserErrors,
      jobStatuses,
    }) => {
      const { created, poll, whileRunning } =
        await test.step('conditions: a job completed on the server; its answer from while it ran is kept', async () => {
          await provider.hold();
          const session = await app.signIn(tenant.member);
          const job = await jobs.create(session, 'a harbour in fog');
          await provider.step(job.id, { progress: 30 });
          await expect.poll(async () => (await jobs.row(job.id)).progress).toBe(30);
          const answer = await network.capture(pathTo(routes.job, { id: job.id }), session.accessToken);
          expect((await answer.json()).status).toBe('running');
          await provider.step(job.id, { complete: 'a harbour, foggy' });
          await expect.poll(async () => (await jobs.row(job.id)).status).toBe('completed');
          return { created: job, poll: pathTo(routes.job, { id: job.id }), whileRunning: answer };
        });

      const latePoll =
        await test.step('conditions: storage holds the older pending snapshot; the first poll will answer late', async () => {
          await app.plantJobSnapshot(created);
          await pageClock.install();
          return network.answerNextLater({ path: poll });
        });

      await test.step('action: open the jobs page; the late poll lands after the feed showed completed', async () => {
        await app.jobsPage.open();
        await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'completed');
        await latePoll.deliver(whileRunning);
        await requests.whenIdle();
      });

      await test.step(`recovery: completed stays on screen through ${WATCH_MS / 1000} s of simulated time`, async () => {
        for (let elapsed = 0; elapsed < WATCH_MS; elapsed += 5_000) {
          await page.clock.runFor(5_000);
          await requests.whenIdle();
        }
        await expect(jobStatuses).toNeverRegress();
        await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'completed');
        expect(
          (await jobStatuses.seen()).filter((status) => status === 'completed'),
          'completed was shown once and held',
        ).toHaveLength(1);
      });

      await test.step('recovery: the snapshot left storage, no socket opened, no render loop', async () => {
        expect((await app.stored()).jobSnapshot, 'stale snapshot kept: the finished job is still in storage').toBeNull();
        const opened = sockets.opened(anyJobSocket).map((s) => s.url);
        expect(opened, `socket opened from the snapshot: ${opened.length} for a finished job`).toEqual([]);
        expect(browserErrors.matching(/Maximum update depth/)).toEqual([]);
        // The late poll really arrived, and really carried the older status.
        expect(requests.count({ method: 'GET', path: poll, status: 200 })).toBeGreaterThanOrEqual(1);
      });
    });
  });
});
