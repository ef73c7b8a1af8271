// session-expiry-refresh-loop.md, issue 2.2.8: /api/health answered 500, an import error
// inside it, so the service looked dead and nothing said why. Here one check throws for
// real: the migrations table loses a column it reads, as a table of another tool's shape
// would. On the test's own stack, which it alone sees.
import { type App, describeIncident, expect, test } from '../fixtures/index.ts';

const THROWING = 'pgmigrations.run_on';

/** Health, asked from the host; the check that throws must be named, the others still answer. */
async function expectFailingCheckNamed(app: App) {
  const { code, report } = await app.health();
  // A crash answers with whatever the error handler makes of the error (a schema error is a 503), never a report.
  expect(report.checks, `health crashed: ${code} with no report, on a check that throws`).toBeDefined();
  expect(code, 'a check that fails means not ready').toBe(503);
  expect(report.checks!.database, 'the database itself answers').toEqual({ status: 'up' });
  expect(report.checks!.migrations, 'the check that threw, named').toEqual({
    status: 'unknown',
    reason: 'failed',
    applied: [],
    pending: [],
  });
}

describeIncident('health-check-crash', () => {
  test('a health check throws: health answers 503 naming it, the page shows the banner; both clear once it passes', async ({
    app,
    faults,
    pageClock,
    tenant,
  }) => {
    await test.step('conditions: signed in, on the dashboard, health ok', async () => {
      await pageClock.install();
      await app.signIn(tenant.member);
      await app.dashboard.open();
      await expect(app.dashboard.signedInAs(tenant.member)).toBeVisible();
      await expect(app.healthBanner).toHaveCount(0);
    });

    const unreadable = await test.step(`action: the migrations check can no longer read ${THROWING}`, () => faults.hideColumn(THROWING));

    await test.step('recovery: health answers 503 and names the check that threw', () => expectFailingCheckNamed(app));

    await test.step("recovery: the page's next health poll shows the banner", async () => {
      await app.nextHealthPoll();
      await expect(app.healthBanner).toHaveText('The service is having trouble right now; what you see may be out of date.');
    });

    await test.step(`action: ${THROWING} can be read again`, () => unreadable.undo());

    await test.step('recovery: the check passes again; health is ok and the banner goes', async () => {
      expect((await app.health()).code, 'health is ok once the check passes').toBe(200);
      await app.nextHealthPoll();
      await expect(app.healthBanner).toHaveCount(0);
    });
  });

  test.describe('the container', () => {
    test.use({ needs: ['own-stack', 'containers'] });

    test("a health check throws: the image's healthcheck reports the api unhealthy, then healthy again", async ({
      app,
      faults,
      containers,
    }) => {
      test.setTimeout(60_000); // the healthcheck's verdict takes three failed probes, 5 s apart
      await expect.poll(() => containers.health('api'), { timeout: 15_000 }).toBe('healthy');

      const unreadable = await test.step(`action: the migrations check can no longer read ${THROWING}`, () => faults.hideColumn(THROWING));

      await test.step('recovery: health answers 503 and names the check that threw', () => expectFailingCheckNamed(app));

      await test.step('recovery: the healthcheck reports unhealthy', async () => {
        await expect.poll(() => containers.health('api'), { message: 'the image HEALTHCHECK verdict', timeout: 30_000 }).toBe('unhealthy');
      });

      await test.step(`action: ${THROWING} can be read again`, () => unreadable.undo());

      await test.step('recovery: healthy again once the check passes', async () => {
        await expect.poll(() => containers.health('api'), { message: 'the image HEALTHCHECK verdict', timeout: 15_000 }).toBe('healthy');
      });
    });
  });
});
