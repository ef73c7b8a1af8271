// deployment-cascade-rate-limit-cors-schema.md, section 8: the login page's own session
// check gets the expected 401, and the API client answered it with a reload of /login,
// forever.
import { type BrowserAuthState, describeIncident, expect, test } from '../fixtures/index.ts';

const sessionChecks = { method: 'GET', path: '/api/v1/auth/me', status: 401 } as const;

const conditions: Record<string, BrowserAuthState | undefined> = {
  'no session': undefined,
  'an invalid session': { isAuthenticated: false, tokens: { accessToken: 'not-a-jwt', refreshToken: 'not-a-refresh-token' } },
};

describeIncident('login-401-reload-loop', () => {
  for (const [condition, planted] of Object.entries(conditions)) {
    test(`${condition}: one document load of /login, none in the next simulated minute`, async ({ page, app, navigations, requests }) => {
      const form = () => expect(app.loginPage.heading).toBeVisible();

      await test.step(`conditions: ${condition}, browser clock under test control`, async () => {
        await page.clock.install();
        if (planted) await app.plantAuth(planted);
      });

      await test.step('action: open /login', async () => {
        await app.loginPage.open();
      });

      await test.step('recovery: the 401 of the session check leaves the form in place', async () => {
        await expect(navigations).toSettle(form);
        expect(navigations).toLoadAtMost(1);
        // The check really ran and really got its 401: the conditions were met.
        expect(requests.count(sessionChecks)).toBeGreaterThanOrEqual(1);
      });

      await test.step('recovery: a simulated minute of session checks reloads nothing', async () => {
        const checksBefore = requests.count(sessionChecks);
        await page.clock.runFor(60_000);
        await expect(navigations).toSettle(form);
        expect(navigations).toLoadAtMost(1);
        // The 30-second session check fired again within the minute, and was answered 401.
        expect(requests.count(sessionChecks)).toBeGreaterThan(checksBefore);
      });
    });
  }
});
