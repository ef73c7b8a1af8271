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
] satisfies Regression[];
