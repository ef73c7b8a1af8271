// stuck-generations-internal-401.md, "Why It's Random": the same generation was triggered
// twice at once. Here the second trigger is real: Redis stalls for longer than the
// worker's 3 s lock under a running job, so the queue hands the job to a second run
// while the first still follows its generation.
import { describeIncident, expect, test } from '../fixtures/index.ts';

// Longer than the worker's lock (QUEUE_STALLED_MS, 3 s), so the lock lapses.
const STALL_MS = 5_000;

describeIncident('double-trigger', () => {
  test('a job run again after a Redis stall resumes its generation: one provider generation, and the job completes', async ({
    app,
    faults,
    apiLog,
    tenant,
    provider,
  }) => {
    test.setTimeout(60_000);
    const { jobsPage } = app;

    const jobId = await test.step('conditions: a job the provider holds at 40%, on the jobs page', () =>
      app.startHeldJob(tenant.member, 'a lighthouse', 40));

    await test.step(`action: Redis stalls for ${STALL_MS / 1000} s, past the job's lock, then comes back`, async () => {
      const stall = await faults.pause('redis');
      // Real time: the lock lapses on Redis's clock, which no page clock moves.
      await new Promise((resolve) => setTimeout(resolve, STALL_MS));
      await stall.undo();
      // The condition must have happened: the queue ran the job again.
      await expect
        .poll(() => apiLog.has(jobId, 'generation stalled'), {
          message: `job ${jobId} never stalled: its second run was not triggered`,
          timeout: 15_000,
        })
        .toBe(true);
    });

    await test.step('recovery: the second run resumed the first generation instead of starting another', async () => {
      const started = await provider.generationsStarted(jobId);
      expect(started, `double trigger: ${started} provider generations for one job`).toBe(1);
    });

    await test.step('action + recovery: the generation completes, and the card shows it', async () => {
      await provider.step(jobId, { complete: 'a lighthouse, once' });
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'completed', { timeout: 15_000 });
    });
  });
});
