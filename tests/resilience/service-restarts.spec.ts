// Faults survived: each service of the stack restarts under a running job. The catalog's
// dependency-outage covers what the user sees; these cover what the database keeps: the
// job is neither lost (stuck active, or gone) nor completed twice (a second generation
// overwriting the first result), and the user's page follows it to the end.
import { type ServiceName } from '../../harness/stack.ts';
import { expect, test } from '../../fixtures/index.ts';
import { jobCard, pollUntilCompleted, runningJob } from '../support/jobs-page.ts';

const restarts: { service: ServiceName; result: (prompt: string) => string; why: string }[] = [
  { service: 'redis', result: () => 'held result', why: 'the worker keeps its generation; Postgres holds the job' },
  { service: 'postgres', result: () => 'held result', why: 'the pool reconnects; the provider still holds the generation' },
  // The api takes the stand-in provider down with it, so the job's generation is started
  // again, unscripted, by whichever worker takes over the stalled job.
  { service: 'api', result: (prompt) => `Generated: ${prompt}`, why: 'the restarted worker takes over the stalled job' },
];

for (const { service, result, why } of restarts) {
  test(`${service} restarts while a job runs: the job completes once, nothing is lost (${why})`, async ({ page, stack, tenant, sessions, provider, jobs, db, requests, jobStatuses }) => {
    test.skip(stack.mode === 'external', 'needs a stack this run owns: it restarts services');
    const prompt = `survives a ${service} restart`;
    let jobId = '';

    await test.step('conditions: a job held by the provider at 40%, followed on the jobs page', async () => {
      await provider.hold();
      await page.clock.install();
      await sessions.signIn(page, tenant.member);
      await page.goto('/jobs');
      jobId = await runningJob(page, provider, prompt, 40);
    });

    await test.step(`action: ${service} restarts`, async () => {
      await stack.services[service].restart();
    });

    await test.step('recovery: the job completes, on screen and in Postgres, with one result', async () => {
      if (service !== 'api') await provider.step(jobId, { complete: 'held result' });
      await expect.poll(async () => (await jobs.row(jobId)).status, { message: `job ${jobId} lost after a ${service} restart`, timeout: 20_000 }).toBe('completed');
      await pollUntilCompleted(page, requests);
      const row = await jobs.row(jobId);
      expect(row.result, 'the result of the generation that completed the job').toBe(result(prompt));
      await expect(jobCard(page)).toContainText(result(prompt));
    });

    await test.step('recovery: nothing lost, nothing doubled', async () => {
      const { rows } = await db.query<{ id: string; status: string }>('SELECT id, status FROM jobs WHERE user_id = $1', [tenant.member.id]);
      expect(rows, 'exactly the one job the user created').toEqual([{ id: jobId, status: 'completed' }]);
      const completed = (await jobStatuses.states()).filter((state) => state.status === 'completed');
      expect(completed, 'the card showed completed once and stayed there').toHaveLength(1);
      await expect(jobStatuses).toNeverRegress();
    });
  });
}
