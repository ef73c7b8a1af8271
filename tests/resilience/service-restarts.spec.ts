// Faults survived: each service of the stack restarts under a running job. The catalog's
// dependency-outage covers what the user sees; these cover what the database keeps: the
// job is neither lost (stuck active, or gone) nor completed twice (a second generation
// overwriting the first result), and the user's page follows it to the end.
import { expect, type ServiceName, test } from '../../fixtures/index.ts';

// Restarting a service would disturb every test sharing the run's stack; the run's own
// stack serves one test at a time, so these take their turns in one worker, in order.
test.use({ needs: ['own-stack'] });
test.describe.configure({ mode: 'default' });

const restarts: { service: ServiceName; result: (prompt: string) => string; why: string }[] = [
  { service: 'redis', result: () => 'held result', why: 'the worker keeps its generation; Postgres holds the job' },
  { service: 'postgres', result: () => 'held result', why: 'the pool reconnects; the provider still holds the generation' },
  // The api takes the stand-in provider down with it: the worker that takes over the
  // stalled job resumes its generation, finds it lost, and starts it again, unscripted.
  { service: 'api', result: (prompt) => `Generated: ${prompt}`, why: 'the restarted worker takes over the stalled job' },
];

for (const { service, result, why } of restarts) {
  test(`${service} restarts while a job runs: the job completes once, nothing is lost (${why})`, async ({
    app,
    services,
    tenant,
    provider,
    jobs,
    jobStatuses,
  }) => {
    const prompt = `survives a ${service} restart`;

    const jobId = await test.step('conditions: a job held by the provider at 40%, followed on the jobs page', () =>
      app.startHeldJob(tenant.member, prompt, 40, { clock: true }));

    await test.step(`action: ${service} restarts`, async () => {
      await services[service].restart();
    });

    await test.step('recovery: the job completes, on screen and in Postgres, with one result', async () => {
      if (service !== 'api') await provider.step(jobId, { complete: 'held result' });
      await expect
        .poll(async () => (await jobs.row(jobId)).status, { message: `job ${jobId} lost after a ${service} restart`, timeout: 20_000 })
        .toBe('completed');
      await app.jobsPage.pollUntilCompleted();
      expect((await jobs.row(jobId)).result, 'the result of the generation that completed the job').toBe(result(prompt));
      await expect(app.jobsPage.card).toContainText(result(prompt));
    });

    await test.step('recovery: nothing lost, nothing doubled', async () => {
      expect(await jobs.ofUser(tenant.member), 'exactly the one job the user created').toEqual([{ id: jobId, status: 'completed' }]);
      const completed = (await jobStatuses.states()).filter((state) => state.status === 'completed');
      expect(completed, 'the card showed completed once and stayed there').toHaveLength(1);
      await expect(jobStatuses).toNeverRegress();
    });
  });
}
