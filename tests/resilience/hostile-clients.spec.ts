// Hostile clients on the two protocols the HTTP fuzzing does not reach: the live-job
// WebSocket (any client can claim the allowed Origin and send any frame, before sign-in)
// and the Redis channel every api process relays job changes from. Whatever arrives, the
// api keeps running, answers no 5xx, and relays only real changes. The first two tests
// are crashes that one frame and one message each once caused; the rest is a fast-check
// campaign with a fixed seed (E2E_FUZZ_SEED varies it).
import { expect, fc, type Job, pathTo, routes, test } from '../../fixtures/index.ts';

// A crash would take every test on the shared stack down with it: these run on the run's own stack.
test.use({ needs: ['own-stack'] });
test.describe.configure({ mode: 'default' });

const SEED = Number(process.env.E2E_FUZZ_SEED ?? 20261123);
const RUNS = 50;
/** Close codes the api chooses on purpose (live.ts); 1005 and 1000 when this side closed first. */
const DELIBERATE_CLOSES = [1000, 1003, 1005, 1008, 1009, 4401, 4403, 4404];

const statusFrames = (frames: string[]) =>
  frames.map((frame) => JSON.parse(frame) as { type: string; job?: Job }).filter((f) => f.type === 'status');

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];
type WatchFixtures = Pick<Fixtures, 'hostile' | 'stack' | 'tenant' | 'sessions' | 'provider' | 'jobs'>;

/** A member's job held by the provider (running), and a raw socket on it from the allowed Origin; with `signIn`, authenticated and given its first status. */
async function watchedJob({ hostile, stack, tenant, sessions, provider, jobs }: WatchFixtures, prompt: string, { signIn = false } = {}) {
  const session = await sessions.issue(tenant.member, 'valid');
  const { accessToken } = session;
  await provider.hold();
  const job = await jobs.create(session, prompt);
  // Started before any sign-in: one racing the worker's start would get two first statuses.
  await expect.poll(async () => (await jobs.row(job.id)).status, 'the worker starts the held job').toBe('running');
  const socket = hostile.socket(pathTo(routes.jobLive, { id: job.id }), { origin: stack.webUrl });
  expect(await socket.opened, 'the handshake succeeds with the allowed Origin').toBe(true);
  if (signIn) {
    socket.send(JSON.stringify({ type: 'auth', token: accessToken }));
    await expect.poll(() => statusFrames(socket.frames).length, { message: 'the first status frame' }).toBe(1);
  }
  return { accessToken, job, socket };
}

test('a `null` frame before sign-in: an error frame back, and the api keeps answering', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { socket } = await watchedJob({ hostile, stack, tenant, sessions, provider, jobs }, 'watched by a hostile client');

  await test.step('action: the text frame `null`, then a ping', async () => {
    socket.send('null');
    socket.send(JSON.stringify({ type: 'ping' }));
  });

  await test.step('recovery: an error frame and a pong; the api still answers', async () => {
    await expect
      .poll(() => socket.frames.map((frame) => (JSON.parse(frame) as { type: string }).type), { timeout: 3000 })
      .toEqual(['error', 'pong']);
    expect(await hostile.apiAnswers(), 'the api process is alive').toBe(true);
  });
});

test('garbage on the updates channel: dropped; the api keeps answering and real changes still arrive', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { job, socket } = await watchedJob({ hostile, stack, tenant, sessions, provider, jobs }, 'followed while garbage is published', {
    signIn: true,
  });

  await test.step('action: messages that are not job changes, one of them naming this job', async () => {
    for (const message of ['not json', 'null', '42', '"text"', '[]', '{}', '{"id":5}', JSON.stringify({ id: job.id, status: 'hacked' })])
      await hostile.publishUpdate(message);
    await hostile.publishUpdate(Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
  });

  await test.step('recovery: the api answers, relayed none of it, and still relays a real change', async () => {
    expect(await hostile.apiAnswers(), 'the api process is alive').toBe(true);
    await provider.step(job.id, { progress: 60 });
    await expect.poll(() => statusFrames(socket.frames).map((frame) => frame.job?.progress)).toEqual([job.progress, 60]);
  });
});

test('several auth frames in a row: one subscription, one status per change', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { accessToken, job, socket } = await watchedJob(
    { hostile, stack, tenant, sessions, provider, jobs },
    'authenticated five times at once',
  );

  await test.step('action: five auth frames before the first is checked, then a change', async () => {
    for (let i = 0; i < 5; i++) socket.send(JSON.stringify({ type: 'auth', token: accessToken }));
    await expect.poll(() => statusFrames(socket.frames).length).toBeGreaterThan(0);
    await provider.step(job.id, { progress: 70 });
  });

  await test.step('recovery: exactly one status for the subscription and one for the change', async () => {
    await expect.poll(() => statusFrames(socket.frames).some((frame) => frame.job?.progress === 70)).toBe(true);
    expect(await socket.roundTrip(2000), 'a round trip: every frame sent before it has arrived').toBe('answered');
    expect(statusFrames(socket.frames).map((frame) => frame.job?.progress)).toEqual([job.progress, 70]);
  });
});

test('a flood of frames: the socket is closed as a policy violation, the api keeps answering', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { socket } = await watchedJob({ hostile, stack, tenant, sessions, provider, jobs }, 'flooded');
  for (let i = 0; i < 500; i++) socket.send(JSON.stringify({ type: 'ping' }));
  expect(await socket.closed).toEqual({ code: 1008, reason: 'too many frames' });
  expect(socket.frames.length, 'pongs stop at the limit').toBeLessThanOrEqual(40);
  expect(await hostile.apiAnswers()).toBe(true);
});

test('fuzz: any Origin, any frames, closed at any point: deliberate closes only, and the api keeps answering', async ({
  hostile,
  stack,
  tenant,
  anotherTenant,
  sessions,
  provider,
  jobs,
}) => {
  const member = await sessions.issue(tenant.member, 'valid');
  const tokens = {
    valid: member.accessToken,
    expired: (await sessions.issue(tenant.member, 'expired')).accessToken,
    revoked: (await sessions.issue(tenant.member, 'revoked')).accessToken,
    otherTenant: (await sessions.issue(anotherTenant.member, 'valid')).accessToken,
    forged: `${member.accessToken.split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`,
  };
  await provider.hold();
  const job = await jobs.create(member, 'fuzzed over its socket');

  // Frames are drawn as short descriptions and built when sent: a counterexample then
  // prints small, and names a token by its kind, never its value.
  const tokenKind = fc.constantFrom(...(Object.keys(tokens) as (keyof typeof tokens)[]));
  const frame = fc.oneof(
    { arbitrary: fc.constantFrom('null', 'true', '0', '""', '[]', '{}'), weight: 3 }, // every JSON type, often
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc
      .record({ type: fc.constantFrom('auth', 'ping', 'status', 'pong', ''), token: fc.oneof(tokenKind, fc.jsonValue()) })
      .map((value) => JSON.stringify(value)),
    tokenKind.map((kind) => ({ auth: kind })),
    fc.uint8Array({ maxLength: 128 }).map((bytes) => ({ binary: bytes.length })),
    fc.constant({ hugeBytes: 20_000 }),
  );
  const build = (drawn: string | { auth: keyof typeof tokens } | { binary: number } | { hugeBytes: number }) =>
    typeof drawn === 'string'
      ? drawn
      : 'auth' in drawn
        ? JSON.stringify({ type: 'auth', token: tokens[drawn.auth] })
        : 'binary' in drawn
          ? new Uint8Array(drawn.binary).fill(0xa5)
          : 'x'.repeat(drawn.hugeBytes);
  const client = fc.record({
    // Mostly the allowed Origin, which any non-browser client can claim: that is where frames get read.
    origin: fc.oneof({ arbitrary: fc.constant(stack.webUrl), weight: 4 }, fc.constant(''), fc.webUrl(), fc.string({ maxLength: 40 })),
    path: fc.oneof(
      fc.constant(pathTo(routes.jobLive, { id: job.id })),
      fc.uuid().map((id) => pathTo(routes.jobLive, { id })),
      fc.constant(pathTo(routes.jobLive, { id: 'not-a-uuid' })),
    ),
    frames: fc.array(frame, { maxLength: 6 }),
    closeRightAway: fc.boolean(),
  });

  await fc.assert(
    fc.asyncProperty(client, async ({ origin, path, frames, closeRightAway }) => {
      const violations: string[] = [];
      const socket = hostile.socket(path, origin ? { origin } : {});
      if (!(await socket.opened)) violations.push(`handshake refused (${(await socket.closed).code})`);
      for (const drawn of frames) socket.send(build(drawn));
      if (closeRightAway) socket.close();
      // Until it closes, or answers a ping: every frame before it has been read. An open socket that does neither has hung.
      const outcome = closeRightAway ? 'closed' : await socket.roundTrip(2000);
      if (outcome === 'silent') violations.push('open, and no answer to a ping');
      if (outcome === 'closed') {
        const { code, reason } = await socket.closed;
        // An oversized frame that arrives after the server's close frame ends the connection
        // at once (ws stops reading: 1006 here); any other 1006 is a dropped connection.
        const oversized = frames.some((drawn) => typeof drawn === 'object' && 'hugeBytes' in drawn);
        if (!DELIBERATE_CLOSES.includes(code) && !(code === 1006 && oversized)) violations.push(`closed ${code} ${reason}`);
      }
      socket.close();
      if (!(await hostile.apiAnswers())) violations.push('the api stopped answering');
      expect(violations, `origin ${JSON.stringify(origin)} ${path}, ${frames.length} frames`).toEqual([]);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
});

test('fuzz: anything on the updates channel: the api keeps answering and relays only real changes', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { job, socket } = await watchedJob({ hostile, stack, tenant, sessions, provider, jobs }, 'followed through a fuzzed channel', {
    signIn: true,
  });

  const message = fc.oneof(
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.constantFrom('id', 'status', 'progress', 'updatedAt', 'tenantId'), fc.oneof(fc.constant(job.id), fc.jsonValue()))
      .map((value) => JSON.stringify(value)),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  );
  await fc.assert(
    fc.asyncProperty(message, async (sent) => {
      await hostile.publishUpdate(sent);
      return hostile.apiAnswers();
    }),
    { seed: SEED, numRuns: RUNS * 2, endOnFailure: true },
  );

  await provider.step(job.id, { progress: 55 });
  await expect.poll(() => statusFrames(socket.frames).map((frame) => frame.job?.progress)).toEqual([job.progress, 55]);
});

test('fuzz: spoofed Host, X-Forwarded-For, Origin and x-request-id: no 5xx, no reflected origin or id, a row for each 201', async ({
  hostile,
  stack,
  tenant,
  sessions,
  provider,
  jobs,
}) => {
  const { accessToken } = await sessions.issue(tenant.member, 'valid');
  await provider.hold();
  const apiHost = new URL(stack.apiUrl).host;
  // What Node lets a client put in a header: printable ASCII.
  const headerText = (maxLength: number) => fc.string({ maxLength }).filter((text) => /^[\x20-\x7e]*$/.test(text));
  const probe = fc.record({
    host: fc.oneof({ arbitrary: fc.constant(apiHost), weight: 3 }, fc.constant('localhost'), fc.domain(), headerText(60)),
    forwardedFor: fc.oneof(fc.ipV4(), fc.ipV6(), headerText(60)),
    origin: fc.oneof(fc.constant(stack.webUrl), fc.webUrl(), fc.constant('null'), headerText(60)),
    requestId: fc.oneof(fc.uuid(), headerText(300), fc.constant('a'.repeat(5000))),
  });

  let created = 0;
  await fc.assert(
    fc.asyncProperty(probe, async ({ host, forwardedFor, origin, requestId }) => {
      const answer = await hostile.http(
        'POST',
        routes.jobs,
        {
          host,
          'x-forwarded-for': forwardedFor,
          origin,
          'x-request-id': requestId,
          ...hostile.bearer(accessToken),
          'content-type': 'application/json',
        },
        JSON.stringify({ prompt: 'spoofed headers' }),
      );
      if (answer.status === 201) created += 1;
      expect(answer.status, `host ${JSON.stringify(host)}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
      const allowed = answer.headers['access-control-allow-origin'];
      expect(allowed === undefined || allowed === stack.webUrl, `CORS allowed ${JSON.stringify(allowed)}`).toBe(true);
      // The api's own id when the one given is not a plain token: logs and answers carry nothing a client chose freely.
      expect(answer.headers['x-request-id']).toMatch(/^[\w.:-]{1,128}$/);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(await jobs.ofUser(tenant.member), 'one row for each 201, none for anything else').toHaveLength(created);
  expect(created, 'the valid host got through at least once: the campaign reached the handler').toBeGreaterThan(0);
});
