// deployment-cascade-rate-limit-cors-schema.md, section 5: the backend crashed, its 500
// went out without CORS headers, and the browser reported "CORS blocked", hiding the
// real error, which only the server log held.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

const creates = { method: 'POST', path: routes.jobs } as const;

describeIncident('cors-missing-on-error', () => {
  test('the api crashes on job creation: the page shows the 500 and its request id, the server log has the rest', async ({
    app,
    apiLog,
    tenant,
    provider,
    requests,
  }) => {
    const { jobsPage } = app;

    await test.step('conditions: the provider answers moderation with a body the api cannot parse', async () => {
      await provider.garbleModeration();
      await app.openJobsPage(tenant.member, { clock: true });
    });

    await test.step('action: the user clicks Generate', async () => {
      await jobsPage.submit('a lighthouse keeper’s log');
      await jobsPage.untilFormIdle();
    });

    const requestId = await test.step('recovery: the browser received the 500, not a CORS failure', async () => {
      const blocked = requests.matching(creates).filter((r) => r.failure);
      expect(
        blocked.map((r) => r.failure),
        `CORS hid the error: ${blocked.length} POST ${routes.jobs} failed in the browser instead of showing their 500\n  ${blocked[0]?.failure}`,
      ).toEqual([]);
      expect(requests.count({ ...creates, status: 500 })).toBeGreaterThanOrEqual(1);
      await expect(jobsPage.alert).toHaveText(/^Something went wrong on our side \(request [0-9a-f-]{36}\)\.$/);
      return /request ([0-9a-f-]{36})/.exec((await jobsPage.alert.textContent()) ?? '')![1]!;
    });

    await test.step('recovery: the request id on screen leads to the crash in the api log', async () => {
      const [line] = await apiLog.linesWith(requestId, 'unhandled error');
      expect(line, `no api log line for request ${requestId}`).toBeDefined();
      expect(line).toContain('SyntaxError');
    });
  });
});
