// deployment-cascade-rate-limit-cors-schema.md, section 6: the backend redirected /api/*
// to /api/v1/* with a 307 that carried no CORS headers, so the login page's session check
// failed with CORS errors.
import { describeIncident, expect, legacyPathOf, routes, test } from '../fixtures/index.ts';

const legacyBase = /^\/api\/(?!v1\/)/;

describeIncident('redirect-drops-cors', () => {
  test('the app calls the versioned api directly', async ({ app, tenant, requests }) => {
    await test.step('conditions: a signed-in user; the api still redirects legacy /api paths', async () => {
      await app.signIn(tenant.member);
    });

    await test.step('action: open the dashboard and the jobs page', async () => {
      await app.dashboard.open();
      await app.navigate('Jobs');
      await requests.whenIdle();
    });

    await test.step('recovery: no request went to the legacy base', async () => {
      const legacy = requests.matching({ path: legacyBase });
      expect(
        legacy,
        `legacy api base: ${legacy.length} requests to the legacy /api prefix\n  ${legacy.map((r) => `${r.method} ${r.path} → ${r.failure ?? r.status}`).join('\n  ')}`,
      ).toHaveLength(0);
      expect(requests.count({ path: routes.me, status: 200 })).toBeGreaterThanOrEqual(1);
    });
  });

  test.describe('old clients', () => {
    test.use({ reintroduces: 'redirect-before-cors' });

    test('a page that still calls /api follows the redirect and gets its answer; the 307 carries CORS headers', async ({
      page,
      app,
      stack,
      publicApi,
    }) => {
      await test.step('conditions: a page of the web origin; the api still redirects legacy /api paths', async () => {
        await app.loginPage.open();
      });

      await test.step('action + recovery: an old client following the redirect from the page still gets its answer', async () => {
        const legacyHealth = `${stack.apiUrl}${legacyPathOf(routes.health)}`;
        const followed = await page.evaluate(
          (url) =>
            fetch(url).then(
              (response) => ({ status: response.status, redirected: response.redirected, url: response.url }),
              (error: unknown) => ({ error: String(error) }),
            ),
          legacyHealth,
        );
        expect(followed, `redirect without CORS: the browser could not follow ${legacyHealth}`).toEqual({
          status: 200,
          redirected: true,
          url: `${stack.apiUrl}${routes.health}`,
        });
      });

      await test.step('action + recovery: the 307 itself names the web origin', async () => {
        const redirect = await publicApi.get(legacyPathOf(routes.health), { headers: { origin: stack.webUrl }, maxRedirects: 0 });
        expect(redirect.status()).toBe(307);
        expect(redirect.headers()['location']).toBe(routes.health);
        expect(redirect.headers()['access-control-allow-origin']).toBe(stack.webUrl);
      });
    });
  });
});
