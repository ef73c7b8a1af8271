// The authorization matrix: every kind of caller against every endpoint that needs one,
// each with the one status it must get. The catalog's progress-polling-403 guards what
// members must be allowed; this guards what nobody may be allowed: dead or forged
// credentials, another tenant, another user's job. Zero unexpected allows.
// (Sign-in, refresh and sign-out authenticate by their body; the fuzz spec covers them.)
import { type ApiCalls, expect, HOOK_SECRET_HEADER, hookRoutes, type Job, pathTo, routes, test } from '../../fixtures/index.ts';

const callers = ['anonymous', 'forged token', 'expired session', 'revoked session', 'other tenant', 'admin', 'member'] as const;
type Caller = (typeof callers)[number];
const denied = { anonymous: 401, 'forged token': 401, 'expired session': 401, 'revoked session': 401 } as const;

interface Endpoint {
  name: string;
  send(caller: ApiCalls, job: Job): Promise<number>;
  /** The member owns the job; the member goes last, so a cancel or dismiss leaves the others a live target. */
  expected: Record<Caller, number>;
}

const endpoints: Endpoint[] = [
  {
    name: `GET ${routes.me}`,
    send: (caller) => status(caller.get(routes.me)),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: `GET ${routes.dashboard}`,
    send: (caller) => status(caller.get(routes.dashboard)),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: `GET ${routes.jobs}`,
    send: (caller) => status(caller.get(routes.jobs)),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: `POST ${routes.jobs}`,
    send: (caller) => status(caller.post(routes.jobs, { data: { prompt: 'matrix' } })),
    expected: { ...denied, 'other tenant': 201, admin: 201, member: 201 },
  },
  {
    name: `GET ${routes.job} (the member's)`,
    send: (caller, job) => status(caller.get(pathTo(routes.job, { id: job.id }))),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 200 },
  },
  {
    name: `GET ${routes.generationSettings}`,
    send: (caller) => status(caller.get(routes.generationSettings)),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: `PUT ${routes.generationSettings}`,
    send: (caller) => status(caller.put(routes.generationSettings, { data: { maxPromptLength: 400 } })),
    expected: { ...denied, 'other tenant': 403, admin: 200, member: 403 },
  },
  {
    name: `POST ${routes.cancelJob} (the member's)`,
    send: (caller, job) => status(caller.post(pathTo(routes.cancelJob, { id: job.id }))),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 200 },
  },
  {
    name: `POST ${routes.dismissJob} (the member's)`,
    send: (caller, job) => status(caller.post(pathTo(routes.dismissJob, { id: job.id }))),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 204 },
  },
];

function status(response: Promise<{ status(): number }>): Promise<number> {
  return response.then((r) => r.status());
}

test('seven kinds of caller × every endpoint: each gets exactly its status, zero unexpected allows', async ({
  publicApi,
  tenant,
  anotherTenant,
  sessions,
  provider,
  db,
}) => {
  const as = {} as Record<Caller, ApiCalls>;
  let job!: Job;
  const holding = (accessToken: string) => publicApi.as({ accessToken });

  await test.step('conditions: a member with a running job, an admin, dead and forged credentials, a user of another tenant', async () => {
    await provider.hold();
    const member = await sessions.issue(tenant.member, 'valid');
    Object.assign(as, {
      anonymous: publicApi,
      // Signed with a key the api does not have: the shape is right, the signature is not.
      'forged token': holding(`${member.accessToken.split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`),
      'expired session': holding((await sessions.issue(tenant.member, 'expired')).accessToken),
      'revoked session': holding((await sessions.issue(tenant.member, 'revoked')).accessToken),
      'other tenant': publicApi.as(anotherTenant.member),
      admin: publicApi.as(tenant.admin),
      member: holding(member.accessToken),
    });
    const created = await as.member.post(routes.jobs, { data: { prompt: "the member's job" } });
    expect(created.status()).toBe(201);
    job = (await created.json()) as Job;
  });

  await test.step('action + recovery: every caller against every endpoint', async () => {
    const unexpected: string[] = [];
    for (const endpoint of endpoints) {
      for (const caller of callers) {
        const got = await endpoint.send(as[caller], job);
        if (got !== endpoint.expected[caller])
          unexpected.push(`${caller} ${endpoint.name} → ${got} (expected ${endpoint.expected[caller]})`);
      }
    }
    const allows = unexpected.filter((line) => / → 2\d\d /.test(line));
    expect(allows, `unexpected allows: ${allows.length}\n  ${allows.join('\n  ')}`).toEqual([]);
    expect(unexpected, `authorization matrix: ${unexpected.length} unexpected answers\n  ${unexpected.join('\n  ')}`).toEqual([]);
  });

  await test.step("recovery: the member's job changed only by the member's own cancel and dismiss", async () => {
    const { rows } = await db.query<{ status: string; dismissed: boolean }>(
      'SELECT status, dismissed_at IS NOT NULL AS dismissed FROM jobs WHERE id = $1',
      [job.id],
    );
    expect(rows).toEqual([{ status: 'cancelled', dismissed: true }]);
  });
});

// The test hooks hand out every issued password and plant sessions for any user: test
// mode alone opens none of them. Without the stack's hook secret each answers 401, before
// its handler runs; with it, each does its work (on a throwaway tenant made for this).
type HookCaller = 'no secret' | 'wrong secret' | "a member's session" | "the stack's secret";

test('the test hooks × four callers: only the stack secret opens them', async ({ publicApi, stack, tenant }) => {
  const secret = (value: string) => ({ headers: { [HOOK_SECRET_HEADER]: value } });
  const callers: Record<HookCaller, { api: ApiCalls; options: { headers?: Record<string, string> } }> = {
    'no secret': { api: publicApi, options: {} },
    'wrong secret': { api: publicApi, options: secret('f'.repeat(stack.hookSecret.length)) },
    "a member's session": { api: publicApi.as(tenant.member), options: {} },
    "the stack's secret": { api: publicApi, options: secret(stack.hookSecret) },
  };
  const withSecret = callers["the stack's secret"];
  const created = await withSecret.api.post(hookRoutes.tenants, { ...withSecret.options, data: { name: 'hook matrix' } });
  expect(created.status(), 'the hook secret opens POST /tenants').toBe(201);
  const throwaway = (await created.json()) as { tenantId: string; member: { id: string } };
  const t = throwaway.tenantId;
  const hooks: [method: 'get' | 'post' | 'put' | 'delete', path: string, data: object | undefined, allowed: number][] = [
    ['post', hookRoutes.tenants, { name: 'hook matrix' }, 201],
    ['post', hookRoutes.sessions, { userId: throwaway.member.id, state: 'valid' }, 201],
    ['get', hookRoutes.issuedSecrets, undefined, 200],
    ['post', hookRoutes.clock, { tenantId: t, byMs: 1 }, 200],
    ['put', hookRoutes.providerScripts, { tenantId: t, hold: true }, 204],
    ['post', pathTo(hookRoutes.providerSteps, { jobId: '00000000-0000-4000-8000-000000000000' }), { progress: 1 }, 202],
    ['put', hookRoutes.demoMode, { tenantId: t, on: false }, 204],
    ['put', hookRoutes.rateBudgets, { tenantId: t, generalMax: 100 }, 204],
    ['delete', pathTo(hookRoutes.tenant, { id: t }), undefined, 204],
  ];

  const unexpected: string[] = [];
  for (const [method, path, data, allowed] of hooks) {
    for (const [caller, { api, options }] of Object.entries(callers)) {
      const expected = caller === "the stack's secret" ? allowed : 401;
      const response = await api[method](path, { ...options, ...(data ? { data } : {}) });
      if (response.status() !== expected)
        unexpected.push(`${caller} ${method.toUpperCase()} ${path} → ${response.status()} (expected ${expected})`);
      if (path === hookRoutes.tenants && response.status() === 201) {
        const extra = (await response.json()) as { tenantId: string };
        await withSecret.api.delete(pathTo(hookRoutes.tenant, { id: extra.tenantId }), withSecret.options);
      }
    }
  }
  expect(unexpected, `test hooks: ${unexpected.length} unexpected answers\n  ${unexpected.join('\n  ')}`).toEqual([]);
});
