// Whose budget a request spends. Only a valid token of a live session names a user; a
// dead one (revoked, expired) is just a caller at an address. Otherwise anyone holding a
// victim's old token could spend the victim's budget and lock them out: the incident's
// cascade, started on purpose.
import { expect, routes, test } from '../../fixtures/index.ts';

const BUDGET = 3;

test("a victim's dead tokens spend nothing of the victim's budget", async ({ publicApi, tenant, sessions, rateLimits }) => {
  const victim = tenant.member;

  const { revoked, expired } =
    await test.step(`conditions: a budget of ${BUDGET} requests; the victim's revoked and expired tokens leak`, async () => {
      await rateLimits.setGeneralBudget(BUDGET);
      return {
        revoked: (await sessions.issue(victim, 'revoked')).accessToken,
        expired: (await sessions.issue(victim, 'expired')).accessToken,
      };
    });

  const feedWith = async (accessToken: string) => (await publicApi.as({ accessToken }).get(routes.jobs)).status();

  const statuses = await test.step(`action: ${BUDGET + 2} requests with each dead token`, async () => {
    const sent: number[] = [];
    for (const token of [revoked, expired]) for (let i = 0; i < BUDGET + 2; i++) sent.push(await feedWith(token));
    return sent;
  });

  await test.step("recovery: each refused as signed out, none counted against the victim; the victim's budget is whole", async () => {
    expect(new Set(statuses), 'every dead-token request').toEqual(new Set([401]));
    expect(await rateLimits.generalWindows(victim), "the victim's budget windows").toEqual([]);
    const { accessToken } = await sessions.issue(victim, 'valid');
    const own: number[] = [];
    for (let i = 0; i < BUDGET; i++) own.push(await feedWith(accessToken));
    expect(own, "the victim's own requests").toEqual(Array(BUDGET).fill(200));
  });
});
