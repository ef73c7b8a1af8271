// logout-during-hmr-remount.md, sections 3 and 4: normal users got "You do not have
// permission" when polling their own task's progress and reading the settings the page
// needed, because an admin-only check sat on the whole router.
import { type ApiCalls, describeIncident, expect, type Job, pathTo, routes, test } from '../fixtures/index.ts';

type Role = 'anonymous' | 'member' | 'admin';
interface Call {
  name: string;
  send(caller: ApiCalls, own: Job): Promise<number>;
  expected: Record<Role, number>;
}

const status = (response: Promise<{ status(): number }>) => response.then((r) => r.status());
/** Every endpoint a signed-in user can reach, with what each role must get. */
const matrix: Call[] = [
  {
    name: `GET ${routes.me}`,
    send: (caller) => status(caller.get(routes.me)),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
  {
    name: `GET ${routes.dashboard}`,
    send: (caller) => status(caller.get(routes.dashboard)),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
  {
    name: `GET ${routes.jobs}`,
    send: (caller) => status(caller.get(routes.jobs)),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
  {
    name: `POST ${routes.jobs}`,
    send: (caller) => status(caller.post(routes.jobs, { data: { prompt: 'matrix probe' } })),
    expected: { anonymous: 401, member: 201, admin: 201 },
  },
  {
    name: `GET ${routes.job}`,
    send: (caller, own) => status(caller.get(pathTo(routes.job, { id: own.id }))),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
  {
    name: `GET ${routes.generationSettings}`,
    send: (caller) => status(caller.get(routes.generationSettings)),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
  {
    name: `PUT ${routes.generationSettings}`,
    send: (caller) => status(caller.put(routes.generationSettings, { data: { maxPromptLength: 500 } })),
    expected: { anonymous: 401, member: 403, admin: 200 },
  },
  {
    name: `POST ${routes.cancelJob}`,
    send: (caller, own) => status(caller.post(pathTo(routes.cancelJob, { id: own.id }))),
    expected: { anonymous: 401, member: 200, admin: 200 },
  },
];

describeIncident('progress-polling-403', () => {
  test('anonymous, member and admin against every endpoint; a member polls their own job to the end', async ({
    page,
    app,
    publicApi,
    tenant,
    provider,
    demoMode,
    requests,
  }) => {
    const as: Record<Role, ApiCalls> = { anonymous: publicApi, member: publicApi.as(tenant.member), admin: publicApi.as(tenant.admin) };
    const own: Partial<Record<Role, Job>> = {};

    await test.step('conditions: a member and an admin, each with a running job of their own', async () => {
      await provider.hold();
      for (const role of ['member', 'admin'] as const) {
        const created = await as[role].post(routes.jobs, { data: { prompt: `${role}'s job` } });
        expect(created.status()).toBe(201);
        own[role] = (await created.json()) as Job;
      }
      own.anonymous = own.member;
    });

    await test.step('action + recovery: every role against every endpoint gets exactly its expected status', async () => {
      const wrong: string[] = [];
      for (const call of matrix) {
        for (const role of ['anonymous', 'member', 'admin'] as const) {
          const got = await call.send(as[role], own[role]!);
          if (got !== call.expected[role]) wrong.push(`${role} ${call.name} → ${got} (expected ${call.expected[role]})`);
        }
      }
      expect(wrong, `authorization matrix: ${wrong.length} unexpected answers\n  ${wrong.join('\n  ')}`).toEqual([]);
      // Ownership: a member never sees another user's job, even in the same tenant.
      expect(await status(as.member.get(pathTo(routes.job, { id: own.admin!.id })))).toBe(404);
    });

    await test.step('recovery: in the browser, a member on polling alone sees their job through to completed', async () => {
      await demoMode.on(); // no live socket: progress comes from polling only
      await app.openJobsPage(tenant.member, { clock: true });
      await expect(page.getByText('Up to 500 characters.')).toBeVisible(); // the admin's setting, read by a member
      const jobId = await app.jobsPage.generateAndFollow('a member-only prompt');
      await provider.step(jobId, { complete: 'done for the member' });
      await app.jobsPage.pollUntilCompleted();
      expect(requests.count({ status: 403 }), 'no request of the member was refused').toBe(0);
    });
  });
});
