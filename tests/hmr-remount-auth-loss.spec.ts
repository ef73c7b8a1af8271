// logout-during-hmr-remount.md: while a generation ran, a developer's edits were hot-applied
// by Vite (the provider tree reordered, BrowserRouter moved above the error boundary). The
// remounted app sent requests without Authorization, the backend refused them, and the
// frontend logged the user out. Replayed on the Vite dev server, with StrictMode and real
// hot updates: no test hook resets anything.
import { anyApiPath, describeIncident, expect, type RequestRecord, routes, test } from '../fixtures/index.ts';

/** Endpoints that answer only with a bearer token. */
const needsAuth = (r: RequestRecord) =>
  r.method !== 'OPTIONS' &&
  anyApiPath.test(r.path) &&
  !([routes.login, routes.refresh, routes.logout, routes.health] as string[]).includes(r.path);

/** The report's edit: BrowserRouter moved from inside the error boundary to above it. */
const routerAboveErrorBoundary = (app: string) =>
  app
    .replace('        <BrowserRouter>\n', '')
    .replace('      <AppErrorBoundary>\n', '      <BrowserRouter>\n      <AppErrorBoundary>\n')
    .replace('        </BrowserRouter>\n      </AppErrorBoundary>\n', '      </AppErrorBoundary>\n      </BrowserRouter>\n');
/** The report's fix: the edit reverted. */
const routerInsideErrorBoundary = (app: string) =>
  app
    .replace('      <BrowserRouter>\n      <AppErrorBoundary>\n', '      <AppErrorBoundary>\n        <BrowserRouter>\n')
    .replace('      </AppErrorBoundary>\n      </BrowserRouter>\n', '        </BrowserRouter>\n      </AppErrorBoundary>\n');

describeIncident('hmr-remount-auth-loss', () => {
  test('hot updates reorder the provider tree while a job runs: still signed in, every request authorized, the job completes', async ({
    page,
    app,
    devServer,
    network,
    tenant,
    provider,
    requests,
    navigations,
    jobStatuses,
    serverClock,
  }) => {
    const jobId = await test.step('conditions: the app on the dev server, signed in, a job running on the jobs page', () =>
      app.startHeldJob(tenant.member, 'a lighthouse at dusk', 40));

    const sentBefore = requests.records.length;

    await test.step('action: the developer edits the auth module, then moves BrowserRouter above the error boundary; both are hot-applied, requests in flight', async () => {
      // Every api answer waits until both updates are applied, so requests are in flight
      // through them, and no answer can send the page elsewhere midway.
      const answers = await network.hold({ path: anyApiPath });
      await devServer.edit('src/auth/tokens.ts', (source) => `${source}\n// Edited while the app runs.\n`);
      await devServer.edit('src/App.tsx', routerAboveErrorBoundary);
      await expect
        .poll(() => answers.held, { message: 'the updated app sent requests while the others were in flight' })
        .toBeGreaterThan(0);
      await answers.release();
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    await test.step('recovery: every request after the hot updates carried Authorization', async () => {
      const bare = requests.records.slice(sentBefore).filter((r) => needsAuth(r) && !r.authorized);
      expect(
        bare,
        `unauthenticated requests: ${bare.length} calls to authenticated endpoints without Authorization after the hot updates\n  ${bare.map((r) => `${r.method} ${r.path} → ${r.status ?? r.failure}`).join('\n  ')}`,
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

    await test.step('conditions: the generation ran long, and the 15-minute access token died', async () => {
      await serverClock.advance(16 * 60_000);
    });

    await test.step('action: the developer reverts the reorder, as the report did; the remounted pages ask with the dead token', async () => {
      await devServer.edit('src/App.tsx', routerInsideErrorBoundary);
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    await test.step('recovery: the 401s that follow are refreshed once, silently; the user stays signed in', async () => {
      expect(requests.count({ method: 'POST', path: routes.refresh, status: 200 }), 'one silent refresh').toBe(1);
      expect(navigations.arrivalsAt('/login'), `logged out after a 401\n  navigations: ${navigations.sequence()}`).toBe(0);
    });

    await test.step('conditions and action: another 16 minutes pass; the user reloads the page', async () => {
      await serverClock.advance(16 * 60_000);
      await page.reload();
      await expect(navigations).toSettle(() => requests.whenIdle());
    });

    // This refresh presents what the first one stored, so a stale pair in storage fails here;
    // one assertion, as a failed refresh is also the logout.
    await test.step('recovery: refreshed silently again, from what the first refresh stored; still signed in', async () => {
      expect(
        {
          refreshes: requests.count({ method: 'POST', path: routes.refresh, status: 200 }),
          logouts: navigations.arrivalsAt('/login'),
        },
        `the next expiry was not refreshed silently\n  navigations: ${navigations.sequence()}`,
      ).toEqual({ refreshes: 2, logouts: 0 });
    });
  });
});
