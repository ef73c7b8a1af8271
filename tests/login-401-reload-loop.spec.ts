// deployment-cascade-rate-limit-cors-schema.md, section 8: the login page's own session
// check gets the expected 401, and the API client answered it with a reload of /login,
// forever.
import type { Page } from '@playwright/test';
import type { BrowserAuthState } from '../fixtures/data.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';

const sessionChecks = { method: 'GET', path: '/api/v1/auth/me', status: 401 } as const;

const conditions: Record<string, BrowserAuthState | undefined> = {
  'no session': undefined,
  'an invalid session': {
    isAuthenticated: false,
    tokens: { accessToken: 'not-a-jwt', refreshToken: 'not-a-refresh-token' },
  },
};

const signInForm = (page: Page) => expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

describeIncident('login-401-reload-loop', () => {
  for (const [condition, planted] of Object.entries(conditions)) {
    test(`${condition}: one document load of /login, none in the next simulated minute`, async ({ page, sessions, navigations, requests }) => {
      await test.step(`conditions: ${condition}, browser clock under test control`, async () => {
        await page.clock.install();
        if (planted) await sessions.plant(page, planted);
      });

      await test.step('action: open /login', async () => {
        await page.goto('/login');
      });

      await test.step('recovery: the 401 of the session check leaves the form in place', async () => {
        await expect(navigations).toSettle(() => signInForm(page));
        expect(navigations).toLoadAtMost(1);
        // The check really ran and really got its 401: the conditions were met.
        expect(requests.count(sessionChecks)).toBeGreaterThanOrEqual(1);
      });

      await test.step('recovery: a simulated minute of session checks reloads nothing', async () => {
        const checksBefore = requests.count(sessionChecks);
        await page.clock.runFor(60_000);
        await expect(navigations).toSettle(() => signInForm(page));
        expect(navigations).toLoadAtMost(1);
        // The 30-second session check fired again within the minute, and was answered 401.
        expect(requests.count(sessionChecks)).toBeGreaterThan(checksBefore);
      });
    });
  }
});
