// logout-during-hmr-remount.md: a hot update remounted the app while a generation ran.
// The fresh auth store was empty when the first requests left, they carried no
// Authorization, the backend refused them, and the frontend logged the user out.
import { type RequestRecord, describeIncident, expect, test } from '../fixtures/index.ts';

const REMOUNTS = 3;
/** Endpoints that answer only with a bearer token. */
const needsAuth = (r: RequestRecord) =>
  r.method !== 'OPTIONS' && r.path.startsWith('/api/v1/') && !/^\/api\/v1\/(auth\/(login|refresh|logout)|health)$/.test(r.path);
const routerContextError = /useLocation|useNavigate|useHref|may be used only in the context of a <Router>/;

describeIncident('hmr-remount-auth-loss', () => {
  test(`${REMOUNTS} quick remounts while a job runs: still signed in on every page, the job completes`, async ({
    page,
    app,
    network,
    tenant,
    provider,
    requests,
    navigations,
    browserErrors,
    jobStatuses,
    serverClock,
  }) => {
    let jobId = '';

    await test.step('conditions: signed in, a job running on the jobs page', async () => {
      jobId = await app.runningJob(tenant.member, 'a lighthouse at dusk', 40);
    });

    const sentBefore = requests.records.length;

    await test.step(`action: the root is torn down and remounted ${REMOUNTS} times with fresh stores, requests in flight`, async () => {
      // Every api answer waits until the remounts are over, so requests are in flight
      // through all of them, and no answer can redirect the page midway.
      const answers = await network.hold({ path: /^\/api\/v1\// });
      for (let i = 0; i < REMOUNTS; i++) {
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              window.__E2E_REMOUNT__!();
              requestAnimationFrame(() => resolve());
            }),
        );
      }
      // React commits a new root asynchronously: wait until its first requests are held.
      await expect
        .poll(() => answers.held, { message: 'the remounted app sent requests while the others were in flight' })
        .toBeGreaterThan(0);
      await answers.release();
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    await test.step('recovery: every request after the remounts carried Authorization', async () => {
      const bare = requests.records.slice(sentBefore).filter((r) => needsAuth(r) && !r.authorized);
      expect(
        bare,
        `unauthenticated requests: ${bare.length} calls to authenticated endpoints without Authorization after the remounts\n  ${bare.map((r) => `${r.method} ${r.path} → ${r.status ?? r.failure}`).join('\n  ')}`,
      ).toHaveLength(0);
    });

    await test.step('action: the user keeps navigating across pages', async () => {
      for (const to of ['Dashboard', 'Jobs', 'Dashboard', 'Jobs'] as const) await app.navigate(to);
    });

    await test.step('recovery: the job reaches completed on screen, the user never left', async () => {
      await provider.step(jobId, { complete: 'a lighthouse, dusk' });
      await expect(app.jobsPage.card).toHaveAttribute('data-job-status', 'completed');
      await expect(app.jobsPage.card).toContainText('Result: a lighthouse, dusk');
      await expect(jobStatuses).toNeverRegress();
      expect(navigations.arrivalsAt('/login'), `logged out\n  navigations: ${navigations.sequence()}`).toBe(0);
      expect(requests.count({ status: 401 }), 'no request was refused as unauthenticated').toBe(0);
      expect((await app.stored()).accessToken, 'the access token is still in storage').not.toBeNull();
    });

    await test.step('recovery: no router-context error on any page', async () => {
      expect(browserErrors.matching(routerContextError)).toEqual([]);
      expect(browserErrors.pageErrors).toEqual([]);
    });

    await test.step('conditions: the generation ran long, and the 15-minute access token died', async () => {
      await serverClock.advance(16 * 60_000);
    });

    await test.step('action: one more remount; its first requests carry the dead token', async () => {
      await page.evaluate(() => window.__E2E_REMOUNT__!());
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    await test.step('recovery: the 401s that follow are refreshed once, silently; the user stays signed in', async () => {
      expect(requests.count({ method: 'POST', path: '/api/v1/auth/refresh', status: 200 }), 'one silent refresh').toBe(1);
      expect(navigations.arrivalsAt('/login'), `logged out after a 401\n  navigations: ${navigations.sequence()}`).toBe(0);
    });

    await test.step('conditions and action: another 16 minutes pass; the user reloads the page', async () => {
      await serverClock.advance(16 * 60_000);
      await page.reload();
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    // What the first refresh stored is what this one presents: a stale pair in storage fails here.
    await test.step('recovery: refreshed silently again, from what the first refresh stored; still signed in', async () => {
      // One fact, one assertion: a failed second refresh is also the logout.
      expect(
        {
          refreshes: requests.count({ method: 'POST', path: '/api/v1/auth/refresh', status: 200 }),
          logouts: navigations.arrivalsAt('/login'),
        },
        `the next expiry was not refreshed silently\n  navigations: ${navigations.sequence()}`,
      ).toEqual({ refreshes: 2, logouts: 0 });
    });
  });
});
