// stuck-generations-internal-401.md, "Evidence & Logs": the auth check's debug line printed
// the secret it expected, cut short, into the server logs, and the report quoted it. Here
// the provider refuses our key, when a developer most wants to log which key was sent. On
// its own stack: under the bug switch the piece lands in the log, and the run's shared log
// must stay clean (the run fails on a piece of a secret there).
import { describeIncident, expect, test } from '../fixtures/index.ts';

describeIncident('secret-fragment-in-log', () => {
  test('the provider refuses our key: the log names the key by fingerprint and holds no 8 characters of any secret', async ({
    app,
    apiLog,
    stack,
    tenant,
    provider,
  }) => {
    const since = Date.now();

    await test.step('conditions: the provider refuses our key, quoting it cut short as real providers do', async () => {
      await provider.rejectCredentials();
      await app.openJobsPage(tenant.member);
    });

    const jobId = await test.step('action: the user generates; the job fails on the refusal, which the worker logs', async () => {
      const jobId = (await app.jobsPage.create('a portrait in charcoal')).id;
      await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'failed');
      return jobId;
    });

    await test.step('recovery: no piece of a secret in the api log; the refusal names the key by fingerprint', async () => {
      const log = await apiLog.sinceTestBegan();
      const [refusal] = await apiLog.linesWith(jobId, 'generation refused: provider credentials');
      expect(refusal, `job ${jobId} never reached the provider: no refusal in the api log`).toBeDefined();
      expect(log).toHoldNoSecretFragment(stack.secrets, since);
      const { key } = JSON.parse(refusal!) as { key?: string };
      expect(key, 'the refusal says which key was refused, by fingerprint').toMatch(/^sha256:[0-9a-f]{12}$/);
    });
  });
});
