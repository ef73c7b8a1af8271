// Bad input, property-based: every JSON endpoint gets malformed bodies, parameters and
// headers from fast-check. Whatever arrives, the api answers 2xx for input that happens
// to be valid and otherwise a 4xx with a JSON error: never a 5xx, never a crash, and
// never a partial write. The seed is fixed so a run is repeatable; E2E_FUZZ_SEED varies it.
import { type APIResponse, type Caller, expect, fc, type GenerationSettings, type PublicApi, routes, test } from '../../fixtures/index.ts';

const SEED = Number(process.env.E2E_FUZZ_SEED ?? 20261122);
const RUNS = 25;

interface Probe {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  /** Whose access token it carries, if anyone's. */
  as?: Caller;
  body?: string | Buffer;
}

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
);
/** Bodies from valid-looking JSON to plain garbage. */
const bodies = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.constantFrom('prompt', 'email', 'password', 'refreshToken', 'maxPromptLength', '__proto__', 'constructor'),
      fc.jsonValue(),
    )
    .map((value) => JSON.stringify(value)),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);
const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 80 })).map(encodeURIComponent);
/** What an HTTP header can carry. */
const printable = (text: fc.Arbitrary<string>) => text.filter((value) => /^[\t\x20-\x7e]*$/.test(value));
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'x', ''), fc.oneof(fc.string({ maxLength: 300 }), fc.integer().map(String)));

async function send(publicApi: PublicApi, probe: Probe): Promise<APIResponse> {
  return (probe.as ? publicApi.as(probe.as) : publicApi).fetch(probe.path, {
    method: probe.method,
    headers: probe.headers,
    data: probe.body,
    failOnStatusCode: false,
  });
}

test('malformed bodies, parameters and headers on every JSON endpoint: 4xx with a JSON error, no 5xx, no partial write', async ({
  publicApi,
  tenant,
  sessions,
  rateLimits,
  provider,
  db,
}) => {
  const answers: string[] = [];
  let created = 0;
  let settings: GenerationSettings | undefined;
  const member = await sessions.issue(tenant.member, 'valid');
  const admin = await sessions.issue(tenant.admin, 'valid');

  /** Sends a probe and checks the answer; returns false (with the reason recorded) on a violation. */
  const check = async (probe: Probe): Promise<boolean> => {
    const response = await send(publicApi, probe);
    const status = response.status();
    const label = `${probe.method} ${probe.path.slice(0, 120)} → ${status}`;
    answers.push(label);
    if (status >= 500) return false;
    if (status >= 400) {
      const body = (await response.json().catch(() => undefined)) as { error?: unknown; message?: unknown } | undefined;
      return typeof body?.error === 'string' && typeof body.message === 'string';
    }
    if (probe.method === 'POST' && probe.path === routes.jobs && status === 201) created += 1;
    if (probe.method === 'PUT' && status === 200) settings = (await response.json()) as GenerationSettings;
    return true;
  };
  const property = (name: string, arbitrary: fc.Arbitrary<Probe>) =>
    test.step(`fuzz: ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (probe) => {
          expect(await check(probe), `answer to ${probe.method} ${probe.path}: ${answers.at(-1)}`).toBe(true);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });

  await test.step('conditions: a tenant with a member and an admin, budgets wide enough for the run', async () => {
    // Signed-in probes count against the tenant's budget, not the worker's shared address.
    await rateLimits.setGeneralBudget(10_000);
    await provider.hold();
  });

  // Every probe but the header ones carries the member's token, so it is billed to this tenant.
  const withBody = (method: Probe['method'], path: string, as: Caller) =>
    fc
      .record({ body: bodies, type: contentTypes })
      .map(({ body, type }): Probe => ({ method, path, headers: { 'content-type': type }, as, body }));

  await property(`POST ${routes.login}`, withBody('POST', routes.login, member));
  await property(`POST ${routes.refresh}`, withBody('POST', routes.refresh, member));
  await property(`POST ${routes.logout}`, withBody('POST', routes.logout, member));
  await property(`POST ${routes.jobs}`, withBody('POST', routes.jobs, member));
  await property(`PUT ${routes.generationSettings} (admin)`, withBody('PUT', routes.generationSettings, admin));
  await property(
    `GET ${routes.jobs}?…`,
    query.map((params): Probe => ({ method: 'GET', path: `${routes.jobs}?${new URLSearchParams(params)}`, headers: {}, as: member })),
  );
  for (const action of ['', '/cancel', '/dismiss']) {
    const method = action ? 'POST' : 'GET';
    await property(
      `${method} ${routes.job}${action}`,
      segment.map((id): Probe => ({ method, path: `${routes.jobs}/${id}${action}`, headers: {}, as: member })),
    );
  }
  await property(
    `Authorization headers on GET ${routes.me}`,
    fc.oneof(
      printable(fc.string({ maxLength: 200 })).map((authorization): Probe => ({
        method: 'GET',
        path: routes.me,
        headers: { authorization },
      })),
      printable(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.base64String().map((s) => `eyJ${s}.eyJ${s}.${s}`),
        ),
      ).map((accessToken): Probe => ({ method: 'GET', path: routes.me, headers: {}, as: { accessToken } })),
    ),
  );

  await test.step('recovery: the api is still up (a crash would take health with it)', async () => {
    expect((await publicApi.get(routes.health)).status()).toBe(200);
  });

  await test.step('recovery: no partial write; the database holds exactly what the 2xx answers said', async () => {
    const { rows: jobs } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE tenant_id = $1', [tenant.tenantId]);
    expect(jobs[0]?.n, 'job rows: one per 201 answer, none from refused input').toBe(created);
    const { rows: stored } = await db.query<{ max_prompt_length: number }>(
      'SELECT max_prompt_length FROM generation_settings WHERE tenant_id = $1',
      [tenant.tenantId],
    );
    expect(stored[0]?.max_prompt_length, 'settings: the last accepted value, or none').toBe(settings?.maxPromptLength);
    const { rows: sessionsLeft } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM refresh_sessions s JOIN users u ON u.id = s.user_id WHERE u.tenant_id = $1 AND s.revoked_at IS NULL',
      [tenant.tenantId],
    );
    expect(sessionsLeft[0]?.n, 'the two sessions issued above, untouched by fuzzed refresh and logout').toBe(2);
  });
});
