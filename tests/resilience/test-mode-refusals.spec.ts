// Test mode opens hooks that read every issued password, so it is asked for twice:
// E2E_TEST_MODE=1 and NODE_ENV=test, with a hook secret. A staging deployment that copied
// one variable must not start with hooks open: it refuses, in one line that says why. And
// an api without test mode ignores the switch header and serves no hook.
import {
  BUG_SWITCHES_HEADER,
  bugSwitchNames,
  expect,
  fc,
  HOOK_SECRET_HEADER,
  hookRoutes,
  legacyPathOf,
  routes,
  test,
} from '../../fixtures/index.ts';

const base = {
  // Loopback only, should a regression accept one of these and start serving.
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://app:unused@127.0.0.1:9/app',
  REDIS_URL: 'redis://127.0.0.1:9',
  WEB_ORIGIN: 'http://127.0.0.1:9',
  JWT_SECRET: 'j'.repeat(32),
  PROVIDER_URL: 'https://provider.invalid',
  PROVIDER_API_KEY: 'unused',
  E2E_TEST_MODE: '1',
  E2E_HOOK_SECRET: 'h'.repeat(32),
};

const refusals: { name: string; env: Record<string, string>; line: RegExp }[] = [
  { name: 'NODE_ENV unset', env: base, line: /E2E_TEST_MODE=1 is refused unless NODE_ENV=test \(it is unset\)/ },
  { name: 'NODE_ENV=production', env: { ...base, NODE_ENV: 'production' }, line: /refused unless NODE_ENV=test \(it is 'production'\)/ },
  { name: 'NODE_ENV=staging', env: { ...base, NODE_ENV: 'staging' }, line: /refused unless NODE_ENV=test \(it is 'staging'\)/ },
  { name: 'no hook secret', env: { ...base, NODE_ENV: 'test', E2E_HOOK_SECRET: '' }, line: /E2E_HOOK_SECRET is required/ },
  {
    name: 'a short hook secret',
    env: { ...base, NODE_ENV: 'test', E2E_HOOK_SECRET: 'short' },
    line: /E2E_HOOK_SECRET must be at least 32/,
  },
];

for (const { name, env, line } of refusals) {
  test(`a staging-like start (${name}) refuses test mode in one line`, async ({ apiStartup }) => {
    const { exitCode, output } = await apiStartup.attempt(env);
    expect(exitCode, `the api must exit with 1, a failure, not serve or exit clean; it printed:\n${output}`).toBe(1);
    expect(output.trim().split('\n'), 'one line, naming the cause').toEqual([expect.stringMatching(line)]);
  });
}

// The other half: an api started without test mode, as a deployment starts it, reads no
// switch header and serves no hook, whatever a client sends. It shares the stack's
// database and uses its own Redis database, so its queue and budgets stay apart.
test.describe('without test mode', () => {
  test.use({ needs: ['local-processes'] });

  test('the bug-switch header changes no answer, and the hooks are not there, secret or not', async ({
    apiStartup,
    stack,
    tenant,
    hostile,
    db,
  }) => {
    const redisUrl = new URL(stack.redisUrl);
    redisUrl.pathname = '/7';
    const api = await apiStartup.serve({
      NODE_ENV: 'production',
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: redisUrl.href,
      WEB_ORIGIN: stack.webUrl,
      JWT_SECRET: 'a throwaway api on loopback, signing for this test only',
      PROVIDER_URL: 'http://127.0.0.1:9',
      PROVIDER_API_KEY: 'unused',
      RATE_LIMIT_GENERAL_MAX: '100000',
    });
    const json = { 'content-type': 'application/json' };
    const login = await hostile.http('POST', `${api}${routes.login}`, json, JSON.stringify(tenant.member));
    expect(login.status, 'a member signs in to the production api').toBe(200);
    const member = hostile.bearer((JSON.parse(login.body) as { accessToken: string }).accessToken);
    const plantedName = `planted by a client of ${tenant.tenantId}`;

    // One request where each switch that reads a header would show: the allowlist, the
    // legacy redirect in front of CORS, the admin check on settings, the feed's paging; and
    // a hook that would plant a tenant.
    const probes = {
      'health by an internal name': { method: 'GET', path: routes.health, headers: { host: 'localhost' }, status: 200 },
      'the legacy /api path': { method: 'GET', path: legacyPathOf(routes.jobs), headers: { origin: stack.webUrl, ...member }, status: 307 },
      'settings as a member': { method: 'GET', path: routes.generationSettings, headers: member, status: 200 },
      'the feed as a member': { method: 'GET', path: `${routes.jobs}?limit=2`, headers: member, status: 200 },
      'a hook with the stack secret': {
        method: 'POST',
        path: hookRoutes.tenants,
        headers: { ...json, [HOOK_SECRET_HEADER]: stack.hookSecret },
        body: JSON.stringify({ name: plantedName }),
        status: 404,
      },
      'a hook without a secret': { method: 'GET', path: hookRoutes.issuedSecrets, headers: {}, status: 404 },
    };
    type Probe = keyof typeof probes;
    const send = async (name: Probe, extra: Record<string, string> = {}) => {
      const { method, path, headers, ...rest } = probes[name];
      const answer = await hostile.http(method, `${api}${path}`, { ...headers, ...extra }, 'body' in rest ? rest.body : undefined);
      return { status: answer.status, cors: answer.headers['access-control-allow-origin'], location: answer.headers.location };
    };
    const baseline = new Map<Probe, Awaited<ReturnType<typeof send>>>();
    for (const name of Object.keys(probes) as Probe[]) {
      const answer = await send(name);
      expect(answer.status, `${name}: the answer without the header`).toBe(probes[name].status);
      baseline.set(name, answer);
    }
    expect(baseline.get('the legacy /api path')?.cors, 'the legacy redirect carries CORS').toBe(stack.webUrl);

    const headerText = fc.string({ maxLength: 80 }).filter((text) => /^[\x20-\x7e]*$/.test(text));
    const switches = fc.oneof(
      { arbitrary: fc.subarray(bugSwitchNames, { minLength: 1 }).map((names) => names.join(',')), weight: 3 },
      headerText,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(probes) as Probe[])), switches, async (name, value) => {
        expect(await send(name, { [BUG_SWITCHES_HEADER]: value }), `${name} with ${BUG_SWITCHES_HEADER}: ${value}`).toEqual(
          baseline.get(name),
        );
      }),
      { seed: Number(process.env.E2E_FUZZ_SEED ?? 20261123), numRuns: 60, endOnFailure: true },
    );

    const planted = await db.query('SELECT 1 FROM tenants WHERE name = $1', [plantedName]);
    expect(planted.rowCount, 'no hook wrote a tenant').toBe(0);
  });
});
