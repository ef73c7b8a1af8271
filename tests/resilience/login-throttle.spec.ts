// Password guessing, per account. After 10 failed sign-ins in a 15-minute window of the
// tenant's clock, the account's sign-ins are refused until the window ends, the right
// password included, with Retry-After; other accounts are untouched.
import { expect, routes, test } from '../../fixtures/index.ts';

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

test('ten wrong passwords lock that account until the window ends; the user is told, other accounts sign in', async ({
  page,
  app,
  publicApi,
  tenant,
  serverClock,
}) => {
  const user = tenant.member;
  const signIn = (password: string, who = user) => publicApi.post(routes.login, { data: { email: who.email, password } });

  await test.step("conditions: the tenant's clock at the start of a window, so the lock outlasts the test", () =>
    serverClock.toNextWindow(WINDOW_MS));

  const refusals = await test.step(`action: ${MAX_FAILURES} sign-ins with wrong passwords`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) statuses.push((await signIn(`guess-${i}`)).status());
    return statuses;
  });

  await test.step('recovery: each refused as wrong; then the right password is refused too, with when to retry', async () => {
    expect(refusals).toEqual(Array(MAX_FAILURES).fill(401));
    const locked = await signIn(user.password);
    expect(locked.status(), 'the right password, inside the window').toBe(429);
    const retryAfter = Number(locked.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
  });

  await test.step('recovery: the sign-in page says so; another account of the tenant signs in', async () => {
    await app.loginPage.open();
    await app.loginPage.signIn(user);
    await expect(page.getByRole('alert')).toHaveText(/Too many failed sign-ins for this account\. Try again in \d+ s\./);
    expect((await signIn(tenant.admin.password, tenant.admin)).status()).toBe(200);
  });

  await test.step('recovery: once the window ends, the right password signs in', async () => {
    await serverClock.advance(WINDOW_MS);
    await app.loginPage.signIn(user);
    await expect(app.dashboard.signedInAs(user)).toBeVisible();
  });
});
