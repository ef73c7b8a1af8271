// Answers the api gives before any handler runs (no such route, a body it cannot parse or
// accept, a body too large, a spent budget) must reach the page as answers it can read:
// without CORS headers the browser hands the page only "Failed to fetch", and the reason is
// lost, as in the incidents' CORS errors. The monitors check the header on every answer the
// page gets (api-answers-carry-cors); this spec makes the browser receive each kind.
import { expect, routes, test } from '../../fixtures/index.ts';

test('errors answered before any handler reach the page readable, with their reasons: 404, 400, 413 and 429', async ({
  app,
  tenant,
  rateLimits,
}) => {
  await test.step('conditions: signed in, on the dashboard', async () => {
    await app.signIn(tenant.member);
    await app.dashboard.open();
    await expect(app.dashboard.signedInAs(tenant.member)).toBeVisible();
  });

  const refusals = await test.step('action: the page calls the api with what it refuses before any handler runs', async () => {
    const create = (body: string) =>
      app.callFromPage(routes.jobs, { method: 'POST', body, contentType: 'application/json', signedIn: true });
    return {
      'no such route': await app.callFromPage(`${routes.jobs}/no/such/route`, { signedIn: true }),
      'a body that is not JSON': await create('{'),
      'a body the schema refuses': await create(JSON.stringify({})),
      'a body too large': await create(JSON.stringify({ prompt: 'x'.repeat(2 * 1024 * 1024) })),
    };
  });

  await test.step('recovery: each answer reached the page, with its status and its reason', async () => {
    expect(refusals).toEqual({
      'no such route': { status: 404, error: 'not_found' },
      'a body that is not JSON': { status: 400, error: 'bad_request' },
      'a body the schema refuses': { status: 400, error: 'bad_request' },
      'a body too large': { status: 413, error: 'bad_request' },
    });
  });

  const spent = await test.step('action: with a budget of one request, the page asks for the feed twice', async () => {
    await rateLimits.setGeneralBudget(1);
    return [await app.callFromPage(routes.jobs, { signedIn: true }), await app.callFromPage(routes.jobs, { signedIn: true })];
  });

  await test.step('recovery: the refusal reached the page as a 429 it can read', async () => {
    expect(spent.map((answer) => ('status' in answer ? answer.status : answer.refused))).toEqual([200, 429]);
  });
});
