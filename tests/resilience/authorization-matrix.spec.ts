// The authorization matrix: every kind of caller against every endpoint that needs one,
// each with the one status it must get. The catalog's progress-polling-403 guards what
// members must be allowed; this guards what nobody may be allowed: dead or forged
// credentials, another tenant, another user's job. Zero unexpected allows.
// (Sign-in, refresh and sign-out authenticate by their body; the fuzz spec covers them.)
import { type APIRequestContext, HOOK_SECRET_HEADER, type Job, expect, test } from '../../fixtures/index.ts';

const callers = ['anonymous', 'forged token', 'expired session', 'revoked session', 'other tenant', 'admin', 'member'] as const;
type Caller = (typeof callers)[number];
const denied = { anonymous: 401, 'forged token': 401, 'expired session': 401, 'revoked session': 401 } as const;

interface Endpoint {
  name: string;
  send(api: APIRequestContext, headers: Record<string, string>, job: Job): Promise<number>;
  /** The member owns the job; the member goes last, so a cancel or dismiss leaves the others a live target. */
  expected: Record<Caller, number>;
}

const endpoints: Endpoint[] = [
  {
    name: 'GET /api/v1/auth/me',
    send: (api, headers) => status(api.get('/api/v1/auth/me', { headers })),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: 'GET /api/v1/dashboard',
    send: (api, headers) => status(api.get('/api/v1/dashboard', { headers })),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: 'GET /api/v1/jobs',
    send: (api, headers) => status(api.get('/api/v1/jobs', { headers })),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: 'POST /api/v1/jobs',
    send: (api, headers) => status(api.post('/api/v1/jobs', { headers, data: { prompt: 'matrix' } })),
    expected: { ...denied, 'other tenant': 201, admin: 201, member: 201 },
  },
  {
    name: "GET /api/v1/jobs/:id (the member's)",
    send: (api, headers, job) => status(api.get(`/api/v1/jobs/${job.id}`, { headers })),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 200 },
  },
  {
    name: 'GET /api/v1/settings/generation',
    send: (api, headers) => status(api.get('/api/v1/settings/generation', { headers })),
    expected: { ...denied, 'other tenant': 200, admin: 200, member: 200 },
  },
  {
    name: 'PUT /api/v1/settings/generation',
    send: (api, headers) => status(api.put('/api/v1/settings/generation', { headers, data: { maxPromptLength: 400 } })),
    expected: { ...denied, 'other tenant': 403, admin: 200, member: 403 },
  },
  {
    name: "POST /api/v1/jobs/:id/cancel (the member's)",
    send: (api, headers, job) => status(api.post(`/api/v1/jobs/${job.id}/cancel`, { headers })),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 200 },
  },
  {
    name: "POST /api/v1/jobs/:id/dismiss (the member's)",
    send: (api, headers, job) => status(api.post(`/api/v1/jobs/${job.id}/dismiss`, { headers })),
    expected: { ...denied, 'other tenant': 404, admin: 404, member: 204 },
  },
];

function status(response: Promise<{ status(): number }>): Promise<number> {
  return response.then((r) => r.status());
}

test('seven kinds of caller × every endpoint: each gets exactly its status, zero unexpected allows', async ({
  api,
  tenant,
  anotherTenant,
  sessions,
  provider,
  db,
}) => {
  const headers = {} as Record<Caller, Record<string, string>>;
  let job!: Job;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  await test.step('conditions: a member with a running job, an admin, dead and forged credentials, a user of another tenant', async () => {
    await provider.hold();
    const member = await sessions.issue(tenant.member, 'valid');
    Object.assign(headers, {
      anonymous: {},
      // Signed with a key the api does not have: the shape is right, the signature is not.
      'forged token': bearer(`${member.accessToken.split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`),
      'expired session': bearer((await sessions.issue(tenant.member, 'expired')).accessToken),
      'revoked session': bearer((await sessions.issue(tenant.member, 'revoked')).accessToken),
      'other tenant': bearer((await sessions.issue(anotherTenant.member, 'valid')).accessToken),
      admin: bearer((await sessions.issue(tenant.admin, 'valid')).accessToken),
      member: bearer(member.accessToken),
    });
    const created = await api.post('/api/v1/jobs', { headers: headers.member, data: { prompt: "the member's job" } });
    expect(created.status()).toBe(201);
    job = (await created.json()) as Job;
  });

  await test.step('action + recovery: every caller against every endpoint', async () => {
    const unexpected: string[] = [];
    for (const endpoint of endpoints) {
      for (const caller of callers) {
        const got = await endpoint.send(api, headers[caller], job);
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
const hookCallers = ['no secret', 'wrong secret', "a member's session", "the stack's secret"] as const;

test('the test hooks × four callers: only the stack secret opens them', async ({ api, stack, tenant, sessions }) => {
  const byCaller: Record<(typeof hookCallers)[number], Record<string, string>> = {
    'no secret': {},
    'wrong secret': { [HOOK_SECRET_HEADER]: 'f'.repeat(stack.hookSecret.length) },
    "a member's session": { authorization: `Bearer ${(await sessions.issue(tenant.member, 'valid')).accessToken}` },
    "the stack's secret": { [HOOK_SECRET_HEADER]: stack.hookSecret },
  };
  const created = await api.post('/api/v1/__test__/tenants', { headers: byCaller["the stack's secret"], data: { name: 'hook matrix' } });
  expect(created.status(), 'the hook secret opens POST /tenants').toBe(201);
  const throwaway = (await created.json()) as { tenantId: string; member: { id: string } };
  const t = throwaway.tenantId;
  const hooks: [method: 'get' | 'post' | 'put' | 'delete', path: string, data: object | undefined, allowed: number][] = [
    ['post', '/tenants', { name: 'hook matrix' }, 201],
    ['post', '/sessions', { userId: throwaway.member.id, state: 'valid' }, 201],
    ['get', '/issued-secrets', undefined, 200],
    ['post', '/clock', { tenantId: t, byMs: 1 }, 200],
    ['put', '/provider/scripts', { tenantId: t, hold: true }, 204],
    ['post', '/provider/jobs/00000000-0000-4000-8000-000000000000/steps', { progress: 1 }, 202],
    ['put', '/demo-mode', { tenantId: t, on: false }, 204],
    ['put', '/rate-budgets', { tenantId: t, generalMax: 100 }, 204],
    ['delete', `/tenants/${t}`, undefined, 204],
  ];

  const unexpected: string[] = [];
  for (const [method, path, data, allowed] of hooks) {
    for (const caller of hookCallers) {
      const expected = caller === "the stack's secret" ? allowed : 401;
      const response = await api[method](`/api/v1/__test__${path}`, { headers: byCaller[caller], ...(data ? { data } : {}) });
      if (response.status() !== expected)
        unexpected.push(`${caller} ${method.toUpperCase()} ${path} → ${response.status()} (expected ${expected})`);
      if (path === '/tenants' && response.status() === 201) {
        const extra = (await response.json()) as { tenantId: string };
        await api.delete(`/api/v1/__test__/tenants/${extra.tenantId}`, { headers: byCaller["the stack's secret"] });
      }
    }
  }
  expect(unexpected, `test hooks: ${unexpected.length} unexpected answers\n  ${unexpected.join('\n  ')}`).toEqual([]);
});
