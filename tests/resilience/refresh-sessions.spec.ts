// Refresh sessions under races and theft. A refresh token is good once: its rotation is
// atomic, a rotated token that comes back ends its whole sign-in (its family), and a
// sign-in ends at a fixed time however often it rotates. The page refreshes once across
// tabs, so two tabs meeting an expired token together stay signed in.
import { anyUrlOf, type APIRequestContext, expect, routes, test, type TokenPair } from '../../fixtures/index.ts';

const ACCESS_TTL_MS = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

const refreshWith = async (publicApi: APIRequestContext, refreshToken: string) => {
  const response = await publicApi.post(routes.refresh, { data: { refreshToken } });
  return { status: response.status(), body: (await response.json()) as TokenPair & { error?: string } };
};

test('two tabs meet an expired access token at once: one refresh, both stay signed in', async ({
  page,
  app,
  tenant,
  sessions,
  serverClock,
}) => {
  const user = tenant.member;

  const other = await test.step('conditions: signed in, the dashboard open in two tabs', async () => {
    await app.signIn(user);
    await app.dashboard.open();
    await expect(app.dashboard.signedInAs(user)).toBeVisible();
    const tab = await app.anotherTab();
    await tab.dashboard.open();
    await expect(tab.dashboard.signedInAs(user)).toBeVisible();
    return tab;
  });

  await test.step('action: the access token expires, and both tabs reload together', async () => {
    await serverClock.advance(ACCESS_TTL_MS + 60_000);
    // The first refresh is held until the other tab wants one too (sent, or waiting on
    // the lock), so the two meet every run, as two tabs waking from sleep would.
    let refreshes = 0;
    let firstArrived!: () => void;
    const otherTabWaits = async () =>
      refreshes > 1 || ((await page.evaluate(async () => (await navigator.locks.query()).pending?.length)) ?? 0) > 0;
    const met = new Promise<void>((resolve) => (firstArrived = resolve))
      .then(() => expect.poll(otherTabWaits).toBe(true))
      .then(
        () => true,
        () => false,
      );
    await page.context().route(anyUrlOf(routes.refresh), async (route) => {
      refreshes += 1;
      if (refreshes === 1) {
        firstArrived();
        await met;
      }
      await route.continue();
    });
    await Promise.all([page.reload(), other.page.reload()]);
    await expect.poll(() => refreshes, 'a tab asked for a refresh').toBeGreaterThan(0);
    expect(await met, 'the two tabs asked for a refresh together').toBe(true);
  });

  await test.step('recovery: both tabs signed in, after a further reload too; one rotation, the sign-in intact', async () => {
    for (const tab of [app, other]) await expect(tab.dashboard.signedInAs(user)).toBeVisible();
    await Promise.all([page.reload(), other.page.reload()]);
    for (const tab of [app, other]) await expect(tab.dashboard.signedInAs(user)).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(other.page).toHaveURL(/\/dashboard$/);
    const rows = await sessions.ofUser(user);
    expect(
      rows.map(({ rotated, revoked }) => ({ rotated, revoked })),
      'the planted session, rotated once; its successor live',
    ).toEqual([
      { rotated: true, revoked: true },
      { rotated: false, revoked: false },
    ]);
  });
});

test('a thief replays a refresh token the user already spent: the whole sign-in ends, the thief holds nothing', async ({
  page,
  app,
  publicApi,
  tenant,
  sessions,
  serverClock,
}) => {
  const user = tenant.member;

  const stolen = await test.step('conditions: signed in on the dashboard; a copy of the refresh token leaks', async () => {
    const session = await app.signIn(user);
    await app.dashboard.open();
    await expect(app.dashboard.signedInAs(user)).toBeVisible();
    return session.refreshToken;
  });

  const thief = await test.step('action: the thief refreshes first; then the user comes back after the access token expired', async () => {
    const { status, body } = await refreshWith(publicApi, stolen);
    expect(status, 'the first use of a live token rotates it').toBe(200);
    await serverClock.advance(ACCESS_TTL_MS + 60_000);
    await page.reload();
    return body;
  });

  await test.step('recovery: the user is asked to sign in again; every token of the sign-in is refused', async () => {
    await expect(page).toHaveURL(/\/login\?reason=session-expired$/);
    expect((await refreshWith(publicApi, thief.refreshToken)).status, "the thief's rotated refresh token").toBe(401);
    const me = await publicApi.as(thief).get(routes.me);
    expect(me.status(), "the thief's access token").toBe(401);
    const rows = await sessions.ofUser(user);
    expect(rows, 'one family, every session of it revoked').toHaveLength(2);
    expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    expect(rows.every((row) => row.revoked)).toBe(true);
  });

  await test.step('recovery: signing in again starts a fresh sign-in that works', async () => {
    await app.loginPage.signIn(user);
    await expect(app.dashboard.signedInAs(user)).toBeVisible();
  });
});

test('one refresh token sent twice at once: exactly one rotation succeeds, and the sign-in ends', async ({
  publicApi,
  tenant,
  sessions,
}) => {
  const user = tenant.member;

  const { refreshToken } = await test.step('conditions: a live session', () => sessions.issue(user, 'valid'));

  const answers = await test.step('action: two refreshes with the same token, both in flight at once', async () => {
    // Both queue behind a transaction holding the row, then race, every run.
    const row = await sessions.holdRow(refreshToken);
    const both = Promise.all([refreshWith(publicApi, refreshToken), refreshWith(publicApi, refreshToken)]);
    await expect.poll(() => row.queued(), 'both refreshes reached the row').toBe(2);
    await row.release();
    return both;
  });

  await test.step('recovery: one 200 and one 401; the winner is ended with the family', async () => {
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    const winner = answers.find((answer) => answer.status === 200)!.body;
    expect((await refreshWith(publicApi, winner.refreshToken)).status, 'a token reused concurrently ends its family').toBe(401);
    expect((await sessions.ofUser(user)).every((row) => row.revoked)).toBe(true);
  });
});

test('a sign-in that keeps rotating still ends after its 30 days', async ({ publicApi, tenant, sessions, serverClock }) => {
  const user = tenant.member;

  let { refreshToken } = await test.step('conditions: a live session', () => sessions.issue(user, 'valid'));

  await test.step('action + recovery: a refresh every 6 days works for the first 30 days, then is refused', async () => {
    for (let day = 6; day < 30; day += 6) {
      await serverClock.advance(6 * DAY_MS);
      const { status, body } = await refreshWith(publicApi, refreshToken);
      expect(status, `the refresh on day ${day}`).toBe(200);
      refreshToken = body.refreshToken;
    }
    // Day 30 and an hour: the last session's own 7 days would still run, the sign-in's 30 do not.
    await serverClock.advance(6 * DAY_MS + 60 * 60_000);
    const { status, body } = await refreshWith(publicApi, refreshToken);
    expect({ status, error: body.error }, 'the refresh on day 30').toEqual({ status: 401, error: 'session_expired' });
  });
});
