import type { Regression } from './index.ts';

export default [
  {
    name: 'missing column not a schema error',
    story: 'The schema error codes lose undefined_column.',
    edits: [{ file: 'app/api/src/schema.ts', find: "['42703', '42P01']", replace: "['42P01']" }],
  },
  {
    name: 'expected schema out of date',
    story: 'The expected schema list forgets the settings column.',
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: "generation_settings: ['tenant_id', 'max_prompt_length', 'updated_at'],",
        replace: "generation_settings: ['tenant_id', 'updated_at'],",
      },
    ],
  },
  {
    name: 'drift only degrades health',
    story: '"Drift is not fatal": health says ok while the schema drifts.',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: "checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status !== 'matches'",
        replace: "checks.database.status === 'down' || checks.migrations.status !== 'current'",
      },
    ],
  },
  {
    name: 'a best-effort write to a column no migration adds',
    story:
      'Settings reads stamp a new read_at column, best effort (a failure is only logged); its migration and its declaration are forgotten, so health still says ready and every answer is right.',
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: '    return rows[0] ? ({ maxPromptLength: rows[0].max_prompt_length } satisfies GenerationSettings) : DEFAULTS;',
        replace: `    await db
      .query('UPDATE generation_settings SET read_at = now() WHERE tenant_id = $1', [guard.userOf(request).tenantId])
      .catch((err: Error) => request.log.warn({ err }, 'could not stamp the settings read'));
    return rows[0] ? ({ maxPromptLength: rows[0].max_prompt_length } satisfies GenerationSettings) : DEFAULTS;`,
      },
    ],
  },
] satisfies Regression[];
