// job-status-oscillation-stale-storage-cancel.md: a polling answer that left the server
// before newer socket updates arrived after them, carrying an older updated_at; the card
// applied it and went backwards.
import { anyUrlOf, describeIncident, expect, pathTo, routes, test } from '../fixtures/index.ts';

describeIncident('poll-out-of-order', () => {
  test('the first poll answers after two newer socket updates: the card never goes backwards', async ({
    app,
    network,
    tenant,
    provider,
    requests,
    jobStatuses,
  }) => {
    const { jobsPage } = app;

    const { session, latePoll } = await test.step('conditions: the first poll of a new job will be answered late', async () => {
      const late = await network.answerNextLater({ path: anyUrlOf(routes.job) });
      return { latePoll: late, session: await app.openJobsPage(tenant.member, { held: true }) };
    });

    const { jobId, atCreation } = await test.step('action: create a job; it progresses to 30%, then 60%', async () => {
      const jobId = (await jobsPage.create('a map of the bay')).id;
      // The server's real answer at this moment: what the held poll will deliver.
      const answer = await network.capture(pathTo(routes.job, { id: jobId }), session.accessToken);
      expect((await answer.json()).progress).toBe(0);
      for (const progress of [30, 60]) {
        await provider.step(jobId, { progress });
        // By the socket, or by the feed's 5 s refresh if a socket update went missing; either
        // way before the late poll lands.
        await expect(jobsPage.card).toContainText(`running (${progress}%)`, { timeout: 10_000 });
      }
      return { jobId, atCreation: answer };
    });

    await test.step('action: the old poll answer finally arrives', async () => {
      await latePoll.deliver(atCreation);
      await expect
        .poll(() => requests.count({ method: 'GET', path: pathTo(routes.job, { id: jobId }), status: 200 }))
        .toBeGreaterThanOrEqual(1);
      await requests.whenIdle();
    });

    await test.step('recovery: the card never went backwards, and finishes normally', async () => {
      await expect(jobStatuses).toNeverGoBackwards();
      await expect(jobsPage.card).toContainText('running (60%)');
      await provider.step(jobId, { complete: 'the bay, mapped' });
      await expect(jobsPage.card).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverGoBackwards();
    });
  });
});
