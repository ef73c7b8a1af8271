// job-status-oscillation-stale-storage-cancel.md: the user clicked cancel on a job that
// had completed a moment earlier. The backend answered 422, and the UI showed the job
// as cancelled anyway, then flipped back.
import { anyJobSocket, describeIncident, expect, pathTo, routes, test } from '../fixtures/index.ts';

const SERVER_MESSAGE = "Cannot cancel job with status 'completed'. Only pending and running jobs can be cancelled.";
const UNREACHABLE = 'Could not reach the service. Check your connection and try again.';
const UNAVAILABLE = 'The service cannot reach its database or queue right now. Try again shortly.';
const shownCancelled = (refusal: string) =>
  `cancel-on-completed: the card showed cancelled after the server refused to cancel (${refusal})`;
const SHOWN_CANCELLED = shownCancelled('422');
const REMOVED = 'This job no longer exists. It was removed elsewhere.';
/** The card's poll (2 s) and its snapshot's clearing (10 s): both past by this much page time. */
const PAST_POLL_AND_CLEARING_MS = 12_000;

describeIncident('cancel-on-completed', () => {
  test('the job completes between page load and the cancel click: 422 shown inline, completed stays, the row is unchanged', async ({
    page,
    app,
    network,
    tenant,
    provider,
    jobs,
    requests,
    jobStatuses,
  }) => {
    const { card, cancelButton } = app.jobsPage;
    // The page's job sockets go through the test, which can hold the server's frames back.
    const frames = await network.relaySockets(anyJobSocket);

    const jobId = await test.step('conditions: a running job on the jobs page, live over its socket', async () => {
      const jobId = await app.startHeldJob(tenant.member, 'a kite over dunes', 70);
      await expect(card).toHaveAttribute('data-live', 'live');
      return jobId;
    });

    const feed = await network.hold({ path: routes.jobs });

    await test.step('conditions: the job completes on the server; the page has not heard yet', async () => {
      frames.hold();
      await provider.step(jobId, { complete: 'a kite, dunes' });
      await expect.poll(async () => (await jobs.row(jobId)).status).toBe('completed');
      await expect.poll(() => frames.held, 'the server announced completion; the page has not received it').toBeGreaterThan(0);
      await expect(cancelButton).toBeEnabled();
    });

    const before = await jobs.row(jobId);

    await test.step('action: the user clicks Cancel job', async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith(pathTo(routes.cancelJob, { id: jobId })));
      await cancelButton.click();
      const response = await answered;
      expect(response.status()).toBe(422);
      expect((await response.json()).message).toBe(SERVER_MESSAGE);
      await expect(card).toHaveAttribute('aria-busy', 'false');
      await requests.whenIdle();
    });

    await test.step('recovery: never shown as cancelled; the message inline; completed from the server', async () => {
      await expect(jobStatuses).toNeverShow('cancelled', SHOWN_CANCELLED);
      await expect(card.getByRole('alert')).toHaveText(SERVER_MESSAGE);
      await expect(card).toHaveAttribute('data-job-status', 'completed');
      await expect(card).toContainText('Result: a kite, dunes');
      await expect(cancelButton, 'Cancel is still offered on a finished job').toBeHidden();
      expect(requests.count({ method: 'POST', path: pathTo(routes.cancelJob, { id: jobId }) }), 'one cancel, not retried').toBe(1);
    });

    await test.step('recovery: the row in Postgres is untouched by the refused cancel', async () => {
      expect(await jobs.row(jobId)).toEqual(before);
      expect(before.status).toBe('completed');
    });

    await test.step('recovery: the late frames and feed arrive; still completed, never pending again', async () => {
      frames.release();
      await feed.release();
      await requests.whenIdle();
      await expect(card).toHaveAttribute('data-job-status', 'completed');
      await expect(jobStatuses).toNeverRegress();
      await expect(jobStatuses).toNeverShow('cancelled', SHOWN_CANCELLED);
    });
  });

  test('the job was deleted elsewhere (404): removed, not cancelled; no Cancel, no socket, no polling, forgotten', async ({
    page,
    app,
    tenant,
    jobs,
    requests,
    sockets,
    jobStatuses,
  }) => {
    const { card, cancelButton } = app.jobsPage;
    const polls = () => requests.count({ method: 'GET', path: pathTo(routes.job, { id: jobId }) });

    const jobId =
      await test.step('conditions: a running job on the jobs page, live over its socket; an admin deletes its row', async () => {
        const jobId = await app.startHeldJob(tenant.member, 'a lighthouse in fog', 30, { clock: true });
        await expect(card).toHaveAttribute('data-live', 'live');
        await jobs.deleteRow(jobId);
        return jobId;
      });

    await test.step('action: the user clicks Cancel job', async () => {
      await cancelButton.click();
      await expect(card).toHaveAttribute('aria-busy', 'false');
      await requests.whenIdle();
    });

    await test.step('recovery: never shown as cancelled; one cancel, answered 404; the card says the job was removed', async () => {
      await expect(jobStatuses).toNeverShow('cancelled', shownCancelled('404'));
      expect(requests.matching({ method: 'POST', path: pathTo(routes.cancelJob, { id: jobId }) }).map((r) => r.status)).toEqual([404]);
      await expect(card.getByRole('alert')).toHaveText(REMOVED);
      await expect(card).toContainText('Status: removed');
    });

    await test.step('recovery: nothing left to act on: no Cancel, the socket closed', async () => {
      await expect(cancelButton, 'Cancel is still offered on a job that no longer exists').toBeHidden();
      await expect(card).toHaveAttribute('data-live', 'off');
      expect(sockets.openNow(/\/live$/), 'the removed job keeps a socket open').toEqual([]);
    });

    await test.step('recovery: no polling of a removed job, and its snapshot leaves storage', async () => {
      const before = polls();
      await page.clock.runFor(PAST_POLL_AND_CLEARING_MS);
      await requests.whenIdle();
      expect(polls() - before, 'the removed job is still polled').toBe(0);
      expect((await app.stored()).jobSnapshot, 'the removed job is still followed from storage').toBeNull();
    });
  });

  test.describe('the other ways a cancel fails', () => {
    // Postgres is paused, which only the test's own stack allows.
    test.use({ needs: ['own-stack'] });
    // The hang is waited out on the api's real query deadline (4 s).
    test.setTimeout(60_000);

    test('the connection drops, then the database hangs (503): the reason inline each time, still running, and a cancel once all is back works', async ({
      app,
      network,
      faults,
      tenant,
      jobs,
      requests,
      jobStatuses,
    }) => {
      const { card, cancelButton } = app.jobsPage;
      const cancels = (jobId: string) => ({ method: 'POST', path: pathTo(routes.cancelJob, { id: jobId }) });
      const clickCancel = async () => {
        await cancelButton.click();
        await expect(card).toHaveAttribute('aria-busy', 'false', { timeout: 10_000 });
      };

      const jobId = await test.step('conditions: a running job on the jobs page', () =>
        app.startHeldJob(tenant.member, 'a heron at dusk', 40));

      await test.step('action: the cancel request loses its connection', async () => {
        await network.dropNext(cancels(jobId));
        await clickCancel();
      });

      await test.step('recovery: never shown as cancelled; the reason inline; still running, in the page and in Postgres', async () => {
        await expect(jobStatuses).toNeverShow('cancelled', shownCancelled('connection lost'));
        await expect(card.getByRole('alert')).toHaveText(UNREACHABLE);
        await expect(card).toHaveAttribute('data-job-status', 'running');
        expect((await jobs.row(jobId)).status).toBe('running');
      });

      await test.step('action: Postgres hangs; the user clicks Cancel job again', async () => {
        const hang = await faults.pause('postgres');
        await clickCancel();
        await hang.undo();
      });

      await test.step('recovery: never shown as cancelled; the 503 reason inline; still running, in the page and in Postgres', async () => {
        await expect(jobStatuses).toNeverShow('cancelled', shownCancelled('503'));
        expect(requests.count({ ...cancels(jobId), status: 503 }), 'the hang answered 503').toBeGreaterThanOrEqual(1);
        await expect(card.getByRole('alert')).toHaveText(UNAVAILABLE);
        await expect(card).toHaveAttribute('data-job-status', 'running');
        expect((await jobs.row(jobId)).status).toBe('running');
      });

      await test.step('recovery: with the database back, Cancel works: the card and the row say cancelled', async () => {
        await clickCancel();
        await expect(card).toHaveAttribute('data-job-status', 'cancelled');
        await expect(card.getByRole('alert')).toHaveCount(0);
        expect((await jobs.row(jobId)).status).toBe('cancelled');
      });
    });
  });
});
