// deployment-cascade-rate-limit-cors-schema.md, section 8: the login page's own session
// check gets the expected 401, and the API client answered it with a reload of /login,
// forever.
import { type BrowserAuthState, describeIncident, expect, routes, test } from '../fixtures/index.ts';

const sessionChecks = { method: 'GET', path: routes.me, status: 401 } as const;

const conditions: Record<string, BrowserAuthState | undefined> = {
  'no session': undefined,
  'an invalid session': { isAuthenticated: false, tokens: { accessToken: 'not-a-jwt', refreshToken: 'not-a-refresh-token' } },
};

describeIncident('login-401-reload-loop', () => {
  for (const [condition, planted] of Object.entries(conditions)) {
    test(`${condition}: one document load of /login, none in the next half minute of session checks`, async ({
      app,
      navigations,
      requests,
    }) => {
      await test.step(`conditions: ${condition}`, async () => {
        if (planted) await app.plantAuth(planted);
      });

      await test.step('action: open /login', async () => {
        await app.loginPage.open();
      });

      await test.step('recovery: the 401s of the session check leave the form in place, on load and every 30 s after', async () => {
        // toSettle runs the page clock past the app's timers, the 30-second session check included.
        await expect(navigations).toSettle(() => expect(app.loginPage.heading).toBeVisible());
        expect(navigations).toLoadAtMost(1);
        // The check really ran, on load and again on its timer, and got its 401: the conditions were met.
        expect(requests.count(sessionChecks)).toBeGreaterThanOrEqual(2);
      });
    });
  }
});
