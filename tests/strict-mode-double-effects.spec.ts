// deployment-cascade-rate-limit-cors-schema.md: the team turned React StrictMode off to debug
// an auth loop, and left "React StrictMode behavior" as its suspected root cause. StrictMode
// runs every mount effect twice in development; an effect that makes an auth call of its own
// makes it twice. Replayed on the Vite dev server, with StrictMode on as in main.tsx. Jobs
// are created by a click handler, which StrictMode does not run twice; a create that
// arrives twice is double-trigger's replay.
import { describeIncident, expect, type RequestRecord, routes, test } from '../fixtures/index.ts';

/** Calls the api refused twice: each call of a page load is refused once at most, then renewed and sent again. */
const refusedTwice = (records: RequestRecord[]) => {
  const refused = new Map<string, number>();
  for (const r of records.filter((r) => r.status === 401))
    refused.set(`${r.method} ${r.path}`, (refused.get(`${r.method} ${r.path}`) ?? 0) + 1);
  return [...refused].filter(([, times]) => times > 1).map(([call, times]) => `${call} × ${times}`);
};

describeIncident('strict-mode-double-effects', () => {
  test('StrictMode runs every mount effect twice: each auth call made once, the session renewed once and kept', async ({
    app,
    devServer,
    tenant,
    serverClock,
    sessions,
    requests,
    navigations,
    renders,
  }) => {
    void devServer; // the app on the dev server: development React, StrictMode on
    const user = tenant.member;

    await test.step('conditions: the app on the dev server; signed in, and the 15-minute access token has died', async () => {
      await app.signIn(user);
      await serverClock.advance(16 * 60_000);
    });

    await test.step('action: the user opens the app', async () => {
      await app.dashboard.open();
    });

    await test.step('recovery: every refused call is renewed once and sent again, and the sign-in is kept', async () => {
      await expect(navigations).toSettle(() => requests.whenIdle());
      const signIns = await sessions.ofUser(user);
      // One fact: a doubled call is refused twice, or spends the refresh token twice, which
      // ends the sign-in and sends the user to /login, away from the dashboard.
      expect(
        {
          refusedTwice: refusedTwice(requests.records),
          refreshes: requests.count({ method: 'POST', path: routes.refresh }),
          // Rotation retires a session too; a sign-in ends when its newest session is revoked.
          signInsEnded: signIns.filter((s) => s.revoked && !s.rotated).length,
          arrivalsAtLogin: navigations.arrivalsAt('/login'),
          dashboardShowsTheUser: await app.dashboard.signedInAs(user).isVisible(),
        },
        "doubled auth calls: StrictMode's second run of the mount effects repeated an auth call",
      ).toEqual({ refusedTwice: [], refreshes: 1, signInsEnded: 0, arrivalsAtLogin: 0, dashboardShowsTheUser: true });
    });

    // Read once the page is still: the count belongs to the document that loaded last.
    await test.step("conditions held: StrictMode ran the session check's mount effects twice", async () => {
      expect(await renders.mountEffectRuns('SessionCheck'), 'mount effect runs of SessionCheck on one load').toBe(2);
    });
  });
});
