// logout-during-hmr-remount.md, section 1: after the provider tree was reordered and the
// app remounted, half the pages failed with "useLocation() may be used only in the
// context of a <Router> component".
import { describeIncident, expect, test } from '../fixtures/index.ts';

const routerContextError = /may be used only in the context of a <Router> component/;
const pages = [
  { path: '/dashboard', heading: 'Dashboard' },
  { path: '/jobs', heading: 'Jobs' },
] as const;

describeIncident('router-context-after-reorder', () => {
  test('with the provider tree as it ships, every page renders: no router-context error, no error boundary', async ({
    page,
    app,
    tenant,
    browserErrors,
  }) => {
    await test.step('conditions: signed in', async () => {
      await app.signIn(tenant.member);
      await app.dashboard.open();
    });

    for (const { path, heading } of pages) {
      await test.step(`action + recovery: ${path} renders its page`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // the page, or the error boundary
        const errors = browserErrors.matching(routerContextError);
        expect(errors, `router-context error on ${path}: ${errors[0] ?? ''}`).toEqual([]);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
        await expect(page).toHaveTitle(`${heading} · Incident suite`);
      });
    }
    expect(browserErrors.pageErrors).toEqual([]);
  });
});
