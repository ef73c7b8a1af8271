// job-status-oscillation-stale-storage-cancel.md: a polling answer that left the server
// before a newer socket update arrived after it, carrying an older updated_at; the card
// applied it and went backwards.
import type { APIResponse } from '@playwright/test';
import { describeIncident, expect, test } from '../fixtures/index.ts';
import { followedJobId, generate, jobCard } from './support/jobs-page.ts';

describeIncident('poll-out-of-order', () => {
  test('the first poll answers after two newer socket updates: the card never goes backwards', async ({ page, stack, tenant, sessions, provider, requests, jobStatuses }) => {
    let jobId = '';
    let deliverLate!: () => void;
    const lateDue = new Promise<void>((resolve) => (deliverLate = resolve));
    let earlyAnswer: Promise<APIResponse> | undefined;

    await test.step('conditions: the first poll of a new job is answered by the server at once, delivered late', async () => {
      await page.route(
        (url) => url.origin === stack.apiUrl && /^\/api\/v1\/jobs\/[0-9a-f-]{36}$/.test(url.pathname),
        async (route) => {
          earlyAnswer = route.fetch();
          await route.fulfill({ response: await earlyAnswer.then(async (answer) => (await lateDue, answer)) });
        },
        { times: 1 },
      );
      await provider.hold();
      await sessions.signIn(page, tenant.member);
      await page.goto('/jobs');
    });

    await test.step('action: create a job; it progresses to 30%, then 60%, over the socket', async () => {
      await generate(page, 'a map of the bay');
      jobId = await followedJobId(page);
      await expect.poll(() => earlyAnswer !== undefined, 'the first poll left').toBe(true);
      for (const progress of [30, 60]) {
        await provider.step(jobId, { progress });
        await expect(jobCard(page)).toContainText(`running (${progress}%)`);
      }
    });

    await test.step('action: the old poll answer finally arrives', async () => {
      const early = (await (await earlyAnswer!).json()) as { status: string; progress: number };
      expect(early.progress, 'the late answer is older than what the card shows').toBeLessThan(60);
      deliverLate();
      await expect.poll(() => requests.count({ method: 'GET', path: `/api/v1/jobs/${jobId}` })).toBeGreaterThanOrEqual(1);
      await requests.whenIdle();
    });

    await test.step('recovery: the card never went backwards, and finishes normally', async () => {
      await jobStatuses.expectNeverBackwards();
      await expect(jobCard(page)).toContainText('running (60%)');
      await provider.step(jobId, { complete: 'the bay, mapped' });
      await expect(jobCard(page)).toHaveAttribute('data-job-status', 'completed');
      await jobStatuses.expectNeverBackwards();
    });
  });
});
