// job-status-oscillation-stale-storage-cancel.md: the job had completed on the server,
// but the page rehydrated an older snapshot from localStorage, a late poll carried an
// older status, and the card showed pending again, reconnecting a socket for it.
import type { APIResponse } from '@playwright/test';
import type { Job } from '../app/shared/api-types.ts';
import { storageKeys } from '../app/shared/storage-keys.ts';
import { plantStorage } from '../fixtures/data.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { jobCard } from './support/jobs-page.ts';

/** Simulated time the spec watches the completed job for; the snapshot must go within it. */
const WATCH_MS = 30_000;
const liveSocket = /\/api\/v1\/jobs\/[^/]+\/live$/;

describeIncident('stale-job-rehydrate', () => {
  test('a completed job, a pending snapshot in storage, a late running poll: completed stays, the snapshot goes, no socket', async ({ page, stack, tenant, sessions, provider, jobs, requests, sockets, browserErrors, jobStatuses }) => {
    const user = tenant.member;
    let created: Job;
    let lateRunning: APIResponse;

    await test.step('conditions: a job completed on the server', async () => {
      await provider.hold();
      const session = await sessions.signIn(page, user);
      created = await jobs.create(session.accessToken, 'a harbour in fog');
      await provider.step(created.id, { progress: 30 });
      await expect.poll(async () => (await jobs.row(created.id)).progress).toBe(30);
      // The server's real answer while the job ran; the page will get it late.
      lateRunning = await page.request.get(`${stack.apiUrl}/api/v1/jobs/${created.id}`, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      expect((await lateRunning.json()).status).toBe('running');
      await provider.step(created.id, { complete: 'a harbour, foggy' });
      await expect.poll(async () => (await jobs.row(created.id)).status).toBe('completed');
    });

    let deliverLatePoll!: () => void;
    const latePollDue = new Promise<void>((resolve) => (deliverLatePoll = resolve));
    let latePollDelivered!: Promise<void>;
    await test.step('conditions: storage holds the older pending snapshot; the first poll will answer late', async () => {
      await plantStorage(page, stack.webUrl, [[storageKeys.activeJob, JSON.stringify(created)]]);
      await page.clock.install();
      latePollDelivered = new Promise<void>((resolve) => {
        void page.route(`${stack.apiUrl}/api/v1/jobs/${created.id}`, async (route) => {
          await latePollDue;
          await route.fulfill({ response: lateRunning });
          resolve();
        }, { times: 1 });
      });
    });

    await test.step('action: open the jobs page; the late poll lands after the feed showed completed', async () => {
      await page.goto('/jobs');
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      deliverLatePoll();
      await latePollDelivered;
      await requests.whenIdle();
    });

    await test.step(`recovery: completed stays on screen through ${WATCH_MS / 1000} s of simulated time`, async () => {
      for (let elapsed = 0; elapsed < WATCH_MS; elapsed += 5_000) {
        await page.clock.runFor(5_000);
        await requests.whenIdle();
      }
      await expect(jobStatuses).toNeverRegress();
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      expect((await jobStatuses.seen()).filter((status) => status === 'completed').length, 'completed was shown once and held').toBe(1);
    });

    await test.step('recovery: the snapshot left storage, no socket opened, no render loop', async () => {
      expect(await page.evaluate((key) => localStorage.getItem(key), storageKeys.activeJob), 'the terminal snapshot was cleared').toBeNull();
      expect(sockets.opened(liveSocket).map((s) => s.url), 'no socket for a terminal job').toEqual([]);
      expect(browserErrors.matching(/Maximum update depth/)).toEqual([]);
      // The late poll really arrived, and really carried the older status.
      expect(requests.count({ method: 'GET', path: `/api/v1/jobs/${created.id}`, status: 200 })).toBeGreaterThanOrEqual(1);
    });
  });
});
