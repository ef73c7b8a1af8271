// The web server's answers, as a browser takes them. Tokens live in localStorage, so a
// script injected into the page would own the session: the page runs under a Content
// Security Policy that lets only the app's own files run. And the production build ships
// the bundle, never the source maps beside it.
import { expect, test } from '../../fixtures/index.ts';

test('an injected inline script never runs, and the app itself works under the policy', async ({ page, app, tenant }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  await test.step('conditions: signed in, a job followed live on the jobs page, no policy violated', async () => {
    await app.startHeldJob(tenant.member, 'followed under the policy', 40);
    expect(violations, "the app's own scripts, styles and connections").toEqual([]);
  });

  const ran = await test.step('action: a script element with inline code is added to the page, as an injection would', () =>
    page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran"';
      document.head.append(script);
      return document.documentElement.dataset.injected === 'ran';
    }));

  await test.step('recovery: it never ran, and the browser reported it as a violation', async () => {
    expect(ran, 'the injected script ran').toBe(false);
    await expect.poll(() => violations.length).toBe(1);
  });
});

test('the production build serves no source maps', async ({ page, stack }) => {
  const shell = await page.request.get(`${stack.webUrl}/`);
  const entry = /src="(\/assets\/[^"]+\.js)"/.exec(await shell.text())?.[1];
  expect(entry, 'the app shell names its entry script').toBeDefined();
  const bundle = await page.request.get(`${stack.webUrl}${entry}`);
  expect(bundle.status()).toBe(200);
  expect((await bundle.text()).includes('sourceMappingURL'), 'the bundle points to a map').toBe(false);
  expect((await page.request.get(`${stack.webUrl}${entry}.map`)).status(), 'the map beside the bundle').toBe(404);
});
