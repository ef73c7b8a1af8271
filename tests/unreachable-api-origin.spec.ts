// session-expiry-refresh-loop.md, issue 2.2.5: the frontend's proxy named an api host that
// did not exist, and the site was down with nothing said why. Here the web app is served
// pointing at an api origin where nothing listens, a user signs in, and the api appears
// at that origin later, as it did once the name was fixed.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

const UNREACHABLE = 'Could not reach the service. Check your connection and try again.';
/** Sign-in is not retried, so the answer to a refused connection is at once; 2 s leaves room for a slow machine. */
const SAYS_SO_WITHIN_MS = 2_000;

describeIncident('unreachable-api-origin', () => {
  test('the api origin answers nothing: sign-in says the service cannot be reached at once, keeps the form, and works once the api appears', async ({
    app,
    tenant,
    webStartup,
    apiStartup,
    requests,
    navigations,
  }) => {
    const logins = { method: 'POST', path: routes.login };

    const { webUrl, apiUrl } = await test.step('conditions: the web app is served pointing at an api origin where nothing listens', () =>
      webStartup.serve());

    await test.step('action: a user opens the sign-in page and signs in', async () => {
      await app.loginPage.open(webUrl);
      await app.loginPage.signIn(tenant.member);
    });

    await test.step(`recovery: within ${SAYS_SO_WITHIN_MS} ms the page says the service cannot be reached; the form is usable and keeps what was typed`, async () => {
      const { error, submit } = app.loginPage;
      await expect(error, 'sign-in waited, silent, for an unreachable api').toBeVisible({ timeout: SAYS_SO_WITHIN_MS });
      await expect(error, 'the page names the cause and what to do').toHaveText(UNREACHABLE);
      await expect(submit, 'the form must not stay busy').toBeEnabled();
      expect(await app.loginPage.typed(), 'the form keeps what was typed').toEqual([tenant.member.email, tenant.member.password]);
      expect(requests.count(logins), 'one attempt: a refused connection is not retried behind the user').toBe(1);
    });

    await test.step('action: the api appears at that origin; the user presses Sign in again', async () => {
      await apiStartup.serveTestMode({ at: apiUrl, webOrigin: webUrl });
      await app.loginPage.submit.click();
    });

    await test.step('recovery: signed in, on the dashboard, without a reload', async () => {
      await expect(navigations).toSettle(() =>
        expect(app.dashboard.signedInAs(tenant.member), 'signed in once the api answers').toBeVisible(),
      );
      expect(navigations, 'the page was never reloaded').toLoadAtMost(1);
    });
  });
});
