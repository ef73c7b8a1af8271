// stuck-generations-internal-401.md, timeline: the session feed made generations
// disappear and reappear; the fix was keyset pagination and stable React keys, so status
// changes and new items update the feed in place. The second test replays a bug that hides
// under that fix: a cursor cut to the millisecond, which loses jobs created within one.
import { describeIncident, expect, perMechanism, test } from '../fixtures/index.ts';

const PAGE_SIZE = 20;

/** The fix's two mechanisms, a switch each: keyset paging in the api, stable row keys in the page. */
const mechanisms = { paging: 'offset-pagination', 'row keys': 'rows-keyed-by-index' } as const;

describeIncident('feed-stability', () => {
  perMechanism(mechanisms, () => {
    test('new jobs arrive while the user pages through the feed: nothing dropped, duplicated or reordered, rows keep their elements', async ({
      page,
      app,
      tenant,
      jobs,
    }) => {
      const user = tenant.member;
      const { jobsPage } = app;
      const rows = jobsPage.feed.locator('li');
      const serverOrder = async () => (await jobs.ofUser(user)).map((job) => job.id);

      const session = await test.step(`conditions: ${PAGE_SIZE + 4} jobs, the first page of the feed on screen`, async () => {
        const session = await app.signIn(user);
        for (let i = 1; i <= PAGE_SIZE + 4; i++) await jobs.create(session, `backlog item ${i}`);
        await jobsPage.open();
        await expect(rows).toHaveCount(PAGE_SIZE);
        // Tag each row element with the job it shows now: a row that later shows another job was reused.
        await rows.evaluateAll((elements) => {
          for (const row of elements) (row as HTMLElement & { e2eJob?: string }).e2eJob = row.getAttribute('data-job-id')!;
        });
        return session;
      });

      await test.step('action: three new jobs are created elsewhere, then the user loads more', async () => {
        for (let i = 1; i <= 3; i++) await jobs.create(session, `new item ${i}`);
        await page.getByRole('button', { name: 'Load more' }).click();
        await expect(page.getByRole('button', { name: 'Load more' })).toBeHidden();
      });

      await test.step('recovery: every older job exactly once, in the server’s order', async () => {
        const shown = await jobsPage.feedIds();
        const expected = (await serverOrder()).slice(3); // the three new ones are not loaded yet
        const duplicated = shown.filter((id, i) => shown.indexOf(id) !== i);
        const missing = expected.filter((id) => !shown.includes(id));
        expect(
          { duplicated, missing },
          `feed unstable: ${duplicated.length} duplicated, ${missing.length} missing after loading more`,
        ).toEqual({ duplicated: [], missing: [] });
        expect(shown).toEqual(expected);
      });

      await test.step('action: the feed refreshes with the new jobs on top', async () => {
        await jobsPage.submit('one more, from this page');
        await expect(rows).toHaveCount(PAGE_SIZE + 4 + 3 + 1);
      });

      await test.step('recovery: the same order as the server, and no row element was reused for another job', async () => {
        expect(await jobsPage.feedIds()).toEqual(await serverOrder());
        const reused = await rows.evaluateAll((elements) =>
          elements
            .map((row) => ({ was: (row as HTMLElement & { e2eJob?: string }).e2eJob, now: row.getAttribute('data-job-id') }))
            .filter((row) => row.was !== undefined && row.was !== row.now)
            .map((row) => `${row.was} → ${row.now}`),
        );
        expect(reused, `feed unstable: ${reused.length} rows switched jobs under their elements (keys by position)`).toEqual([]);
      });
    });
  });

  test.describe('a burst of jobs in one millisecond', () => {
    test.use({ reintroduces: 'millisecond-cursor' });

    test('the page boundary falls inside the millisecond: loading more shows every job once, in order', async ({
      page,
      app,
      tenant,
      jobs,
    }) => {
      const user = tenant.member;
      const { jobsPage } = app;

      await test.step(`conditions: ${PAGE_SIZE + 4} jobs created within one millisecond, the first page on screen`, async () => {
        const session = await app.signIn(user);
        for (let i = 1; i <= PAGE_SIZE + 4; i++) await jobs.create(session, `burst item ${i}`);
        await jobs.packIntoOneMillisecond(user);
        await jobsPage.open();
        await expect(jobsPage.feed.locator('li')).toHaveCount(PAGE_SIZE);
      });

      await test.step('action: the user loads more', async () => {
        await page.getByRole('button', { name: 'Load more' }).click();
        await expect(page.getByRole('button', { name: 'Load more' })).toBeHidden();
      });

      await test.step('recovery: every job exactly once, in the server’s order', async () => {
        const shown = await jobsPage.feedIds();
        const expected = (await jobs.ofUser(user)).map((job) => job.id);
        const missing = expected.filter((id) => !shown.includes(id));
        expect(missing, `feed cursor lost rows: ${missing.length} jobs of one millisecond on neither page`).toEqual([]);
        expect(shown).toEqual(expected);
      });
    });
  });
});
