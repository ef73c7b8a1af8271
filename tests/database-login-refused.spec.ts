// session-expiry-refresh-loop.md, issue 2.2.4: new containers logged in to the database as
// `timetracker`, but the existing volume had been created for `postgres`; the backend could
// not log in, and nothing said so. Here the database stops taking the api's password while
// it runs, on the test's own stack, and an api starting with the report's user is refused.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

const TROUBLE = 'The service is having trouble right now; what you see may be out of date.';

describeIncident('database-login-refused', () => {
  test("the database refuses the api's login: health names it, requests answer 503, the page shows the banner; all clear once it accepts again; a start-up says why in one line", async ({
    app,
    publicApi,
    pageClock,
    tenant,
    faults,
    apiStartup,
    stack,
  }) => {
    const session = await test.step('conditions: signed in, on the dashboard, health ok', async () => {
      await pageClock.install();
      const session = await app.signIn(tenant.member);
      await app.dashboard.open();
      await expect(app.dashboard.signedInAs(tenant.member)).toBeVisible();
      await expect(app.healthBanner).toHaveCount(0);
      return session;
    });

    const refusal = await test.step("action: the database's password for the api's user changes, and its sessions end", () =>
      faults.refuseDatabaseLogin());

    await test.step('recovery: health answers 503 and says the database refused the login', async () => {
      // The api's pool drops its ended sessions as it notices them; every new one is refused.
      await expect
        .poll(async () => (await app.health()).report.checks.database, { message: 'database login refused, unnamed by health' })
        .toEqual({ status: 'down', reason: 'authentication failed' });
      expect((await app.health()).code).toBe(503);
    });

    await test.step('recovery: a request that needs the database answers 503 saying so, not 500', async () => {
      const response = await publicApi.as(session).get(routes.jobs);
      expect(response.status(), `a refused database login surfaced as ${response.status()} at request time`).toBe(503);
      expect(((await response.json()) as { message: string }).message).toBe(
        'The service cannot reach its database or queue right now. Try again shortly.',
      );
    });

    await test.step("recovery: the page's next health poll shows the banner", async () => {
      await app.nextHealthPoll();
      await expect(app.healthBanner).toHaveText(TROUBLE);
    });

    await test.step("action: the database takes the api's password again", () => refusal.undo());

    await test.step('recovery: the database takes the password again; without a restart, health is ok and the banner goes', async () => {
      await app.untilHealthy();
      await app.nextHealthPoll();
      await expect(app.healthBanner).toHaveCount(0);
    });

    await test.step("recovery: an api started as the report's user, which the database does not have, exits in one line naming the cause", async () => {
      const database = new URL(stack.databaseUrl);
      Object.assign(database, { username: 'timetracker', password: 'timetracker' });
      const { exitCode, output } = await apiStartup.attempt({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        DATABASE_URL: database.href,
        REDIS_URL: 'redis://127.0.0.1:9',
        WEB_ORIGIN: stack.webUrl,
        JWT_SECRET: 'a throwaway api on loopback, signing for this test only',
        PROVIDER_URL: 'http://127.0.0.1:9',
        PROVIDER_API_KEY: 'unused',
        MIGRATE_ON_START: '1',
      });
      expect(exitCode, `the api must exit with 1, a failure, not serve or exit clean; it printed:\n${output}`).toBe(1);
      expect(output.trim().split('\n'), 'one line, naming the cause and what to change').toEqual([
        `The database refused the api's login (password authentication failed for user "timetracker"): DATABASE_URL must carry the user and password the database was created with.`,
      ]);
    });
  });
});
