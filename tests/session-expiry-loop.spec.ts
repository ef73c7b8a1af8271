// session-expiry-refresh-loop.md, part 2.1: the persisted store says "signed in" while
// the tokens behind it are gone, expired or revoked. The dashboard used to bounce between
// /login and /dashboard forever.
import { type BrowserAuthState, describeIncident, expect, routes, type Sessions, test, type TestUser } from '../fixtures/index.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const staleStates: Record<string, (sessions: Sessions, user: TestUser) => Promise<BrowserAuthState>> = {
  'tokens gone from storage': async (_, user) => ({ isAuthenticated: true, user }),
  'tokens expired': async (sessions, user) => ({ isAuthenticated: true, user, tokens: await sessions.issue(user, 'expired') }),
  'session revoked server-side': async (sessions, user) => ({ isAuthenticated: true, user, tokens: await sessions.issue(user, 'revoked') }),
};

describeIncident('session-expiry-loop', () => {
  for (const [condition, staleState] of Object.entries(staleStates)) {
    test(`${condition}: lands on /login once, signs in again, reaches the dashboard`, async ({
      app,
      tenant,
      sessions,
      navigations,
      browserErrors,
    }) => {
      const user = tenant.member;

      await test.step(`conditions: persisted store says signed in, ${condition}`, async () => {
        await app.plantAuth(await staleState(sessions, user));
      });

      await test.step('action: open the dashboard', async () => {
        await app.dashboard.open();
      });

      await test.step('recovery: one landing on /login, no loop', async () => {
        await expect(navigations).toSettle(() => expect(app.loginPage.heading).toBeVisible());
        expect(navigations).toLandOnceOn('/login');
        expect(navigations).toNavigateAtMost(3);
        expect(browserErrors.pageErrors).toEqual([]);
      });

      await test.step('recovery: signs in again and reaches the dashboard', async () => {
        await app.loginPage.signIn(user);
        await expect(app.dashboard.heading).toBeVisible();
        await expect(app.dashboard.signedInAs(user)).toBeVisible();
        // The new login is the user's only live session; the planted one stays dead.
        expect((await sessions.ofUser(user)).filter((session) => session.live)).toHaveLength(1);
      });
    });
  }

  test('access token expires mid-session: refreshed silently; refresh session expired: one redirect with a message', async ({
    app,
    tenant,
    serverClock,
    navigations,
    requests,
  }) => {
    const user = tenant.member;
    const refreshes = (status: number) => requests.count({ method: 'POST', path: routes.refresh, status });

    await test.step('conditions: signed in with a live session', async () => {
      await app.signIn(user);
      await app.dashboard.open();
      await expect(app.dashboard.signedInAs(user)).toBeVisible();
    });

    await test.step('conditions: 16 minutes pass on the server; the 15-minute access token dies', async () => {
      await serverClock.advance(16 * MINUTE);
    });

    await test.step('action + recovery: refreshing the dashboard renews the token silently', async () => {
      await app.dashboard.refresh();
      await expect.poll(() => refreshes(200)).toBe(1);
      await expect(navigations).toSettle(() => expect(app.dashboard.signedInAs(user)).toBeVisible());
      expect(navigations.arrivalsAt('/login')).toBe(0);
      expect(refreshes(401)).toBe(0);
    });

    await test.step('conditions: 8 days pass; the 7-day refresh session dies too', async () => {
      await serverClock.advance(8 * DAY);
    });

    await test.step('action + recovery: exactly one redirect to /login, with a message', async () => {
      await app.dashboard.refresh();
      await expect(navigations).toSettle(() => expect(app.loginPage.heading).toBeVisible());
      expect(navigations).toLandOnceOn('/login');
      await expect(app.loginPage.notice).toHaveText('Your session has expired. Please sign in again.');
      expect(refreshes(401)).toBe(1);
    });
  });

  test.describe('a redirect loop the fix did not prevent', () => {
    // The loop's cause is this incident's own (guards that trust the flag), on in every
    // project; what is under test is the breaker, which caps auth redirects whatever
    // their cause.
    test.use({ conditionSwitches: ['stale-persisted-auth'], reintroduces: 'uncapped-auth-redirects' });

    test('the redirect breaker stops it within its budget and says why; the user can sign in at once and stays', async ({
      app,
      tenant,
      navigations,
      page,
    }) => {
      const user = tenant.member;

      await test.step('conditions: guards trust the persisted flag; the tokens behind it are gone', async () => {
        await app.plantAuth({ isAuthenticated: true, user });
      });

      await test.step('action: open the dashboard', async () => {
        await app.dashboard.open();
      });

      await test.step('recovery: the breaker trips after its budget of 3 redirects, and the login page says why', async () => {
        // The user signs in next, before any timer of the page fires: the next step runs them.
        await expect(navigations).toSettle(
          () => expect(app.loginPage.notice).toHaveText('We stopped a sign-in redirect loop. Please sign in again.'),
          { runTimers: false },
        );
        // The first load, three round trips within the budget, then the fourth trip: the
        // sign-out sends the page to /login and the breaker's redirect adds its reason.
        expect(navigations).toNavigateAtMost(9);
      });

      await test.step("recovery: signing in at once, inside the breaker's window, reaches the dashboard, and no loop follows", async () => {
        // A user signs in seconds after the notice. The page clock stands still while the
        // form is sent, so the sign-in lands inside the breaker's 10 s window however slow
        // the machine; then it runs again, for the dashboard's timers.
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        await app.loginPage.signIn(user);
        await page.clock.resume();
        await expect(navigations).toSettle(() => expect(app.dashboard.signedInAs(user)).toBeVisible());
      });
    });
  });
});
