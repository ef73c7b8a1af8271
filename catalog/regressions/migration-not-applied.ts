import type { Regression } from './index.ts';

export default [
  {
    name: 'jobs accepted while migrations are pending',
    story: 'A tidy-up drops the gate on creating jobs: "health already says not ready".',
    edits: [
      {
        file: 'app/api/src/jobs/routes.ts',
        find: 'preHandler: [guard.requireUser, deps.migrationsApplied],',
        replace: 'preHandler: guard.requireUser,',
      },
    ],
  },
  {
    name: 'the gate after the row',
    story: 'The gate moves into the handler, next to the enqueue it protects: the row is made before the refusal.',
    edits: [
      {
        file: 'app/api/src/jobs/routes.ts',
        find: `      preHandler: [guard.requireUser, deps.migrationsApplied],
      schema: {
        body: {
          type: 'object',
          required: ['prompt'],
          additionalProperties: false,
          properties: { prompt: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
      },
    },
    async (request, reply) => {
      const user = guard.userOf(request);
      try {
        const { flagged } = await deps.provider.moderate(request.body.prompt, { tenantId: user.tenantId });
        if (flagged)
          return reply.code(422).send({ error: 'bad_request', message: 'The prompt was refused by moderation.' } satisfies ApiErrorBody);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        request.log.warn({ err: error.message }, 'moderation unavailable');
        return reply.code(502).send({
          error: 'provider_unavailable',
          message: 'The generation provider is unavailable. Try again shortly.',
        } satisfies ApiErrorBody);
      }
      const job = await jobs.create(user, request.body.prompt);`,
        replace: `      preHandler: guard.requireUser,
      schema: {
        body: {
          type: 'object',
          required: ['prompt'],
          additionalProperties: false,
          properties: { prompt: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
      },
    },
    async (request, reply) => {
      const user = guard.userOf(request);
      try {
        const { flagged } = await deps.provider.moderate(request.body.prompt, { tenantId: user.tenantId });
        if (flagged)
          return reply.code(422).send({ error: 'bad_request', message: 'The prompt was refused by moderation.' } satisfies ApiErrorBody);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        request.log.warn({ err: error.message }, 'moderation unavailable');
        return reply.code(502).send({
          error: 'provider_unavailable',
          message: 'The generation provider is unavailable. Try again shortly.',
        } satisfies ApiErrorBody);
      }
      const job = await jobs.create(user, request.body.prompt);
      await deps.migrationsApplied();`,
      },
    ],
  },
  {
    name: 'the gate asks once per process',
    story: '"Migrations only change on deploy": the gate asks once and keeps the answer.',
    edits: [
      {
        file: 'app/api/src/migrations.ts',
        find: `    if (Date.now() < clearUntil) return;
    const { pending } = await migrationStatus(db);`,
        replace: `    if (Date.now() < clearUntil) return;
    const { pending } = await ((globalThis as { firstAnswer?: Promise<MigrationStatus> }).firstAnswer ??= migrationStatus(db));`,
      },
    ],
  },
  {
    name: 'the banner only for degraded',
    story: '"The banner is for what users can work around": it shows when health says degraded, not when it says not ready.',
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: "if (!status || status === 'ok') return null;",
        replace: "if (status !== 'degraded') return null;",
      },
    ],
  },
  {
    name: 'gate remembers pending migrations',
    story:
      "A developer caches the gate's pending list so a database that is behind is not asked about pgmigrations on every job create, reasoning that pending migrations only disappear with a deploy.",
    blind: {
      family: 'second-time',
      breaks:
        'Applying them recovers at once, without a restart: once the gate has refused, it keeps refusing with the remembered names after the migrations are applied.',
    },
    edits: [
      {
        file: 'app/api/src/migrations.ts',
        find: `  let clearUntil = 0;
  return async () => {
    if (Date.now() < clearUntil) return;
    const { pending } = await migrationStatus(db);
`,
        replace: `  let clearUntil = 0;
  // Pending migrations are applied by a deploy, not while we run: remember them instead of asking on every create.
  let knownPending: string[] = [];
  return async () => {
    if (Date.now() < clearUntil) return;
    const pending = knownPending.length ? knownPending : (await migrationStatus(db)).pending;
    if (pending.length) knownPending = pending;
`,
      },
    ],
  },
  {
    name: 'gate clear result cached for five minutes',
    story:
      "Someone profiling job creation sees a pgmigrations query per second per process and raises the gate's cache to five minutes, since migrations change only with a deploy.",
    blind: {
      family: 'longer',
      breaks:
        'creating a job answers 503 naming pending migrations: after a migration is undone (operator rollback) the gate keeps letting job creation through for up to five minutes, so jobs fail halfway after the provider was paid.',
    },
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: '    migrationsApplied: pendingMigrationGate(deps.db),',
        replace: `    // The migrations only change with a deploy: once clear, a check every 5 minutes is plenty.
    migrationsApplied: pendingMigrationGate(deps.db, 5 * 60_000),`,
      },
    ],
  },
  {
    name: 'create-job 503 no longer names migrations',
    story:
      "A security review says signed-in users should not see internal migration file names, so the gate's message is made generic and operators are pointed at health.",
    blind: {
      family: 'another-channel',
      breaks: 'creating a job answers 503 naming them: the 503 still comes but no longer names the pending migrations.',
    },
    edits: [
      {
        file: 'app/api/src/migrations.ts',
        find: "      `The database schema is behind the code; run the migrations. Pending: ${pending.join(', ')}.`,",
        replace: `      // File names are internal: health lists them, for whoever runs it.
      'The database schema is behind the code; run the migrations.',`,
      },
    ],
  },
  {
    name: 'pending migrations count as degraded',
    story:
      'An operator wants instances to stay in rotation while a migration that the current schema check does not flag is pending, so pending migrations are demoted from not ready to degraded.',
    blind: {
      family: 'another-channel',
      breaks:
        'Health lists pending migrations by name (not ready): with a pending migration whose effects the schema check does not see (an index, a data migration), health answers 200 degraded instead of 503 not ready.',
    },
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: `      checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status !== 'matches'
        ? 'not_ready'
        : checks.redis.status === 'down'
          ? 'degraded'`,
        replace: `      checks.database.status === 'down' || checks.migrations.status === 'unknown' || checks.schema.status !== 'matches'
        ? 'not_ready'
        : // The schema matches, so the code runs: a pending migration only degrades.
          checks.redis.status === 'down' || checks.migrations.status === 'pending'
          ? 'degraded'`,
      },
    ],
  },
  {
    name: 'banner only when a dependency is down',
    story:
      'Product asks to stop scaring users with a banner about migration bookkeeping they cannot act on, so the banner shows only when a dependency check is actually down.',
    blind: {
      family: 'another-channel',
      breaks:
        'the page shows its banner: with migrations pending (database and Redis up) health says not ready but the page shows no banner.',
    },
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: "  const status = health.isError ? 'unreachable' : health.data?.status;",
        replace: `  // Only a dependency that is down is the user's concern; bookkeeping checks are for operators.
  const down = health.data ? Object.values(health.data.checks).some((check) => check.status === 'down') : false;
  const status = health.isError ? 'unreachable' : down ? health.data?.status : 'ok';`,
      },
    ],
  },
  {
    name: 'pending computed as the tail past the applied count',
    story:
      'A small cleanup replaces the O(n^2) includes() with the observation that migrations run in order, so the pending ones are the shipped list after the number already applied.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Health lists pending migrations by name and job creation answers 503 naming them: a migration merged out of order, or a database that also carries a migration this build does not ship, hides a real pending migration (health says current, create goes through).',
    },
    edits: [
      {
        file: 'app/api/src/migrations.ts',
        find: '  return { applied, pending: shipped.filter((f) => !applied.includes(f)).sort() };',
        replace: `  // Migrations run in order: what is pending is whatever comes after the applied ones.
  return { applied, pending: [...shipped].sort().slice(applied.length) };`,
      },
    ],
  },
] satisfies Regression[];
