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
  {
    name: 'schema comparison latched once it matches',
    story:
      'The schema only changes with a deploy, which starts a new process: once it matches, skip the information_schema query on every health poll.',
    blind: {
      family: 'second-time',
      breaks:
        'Health compares the declared schema with the database and names what is missing: after one check that matched, a column or table that goes missing later is never named, and health stays ok.',
    },
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: `export async function missingFromSchema(db: pg.Pool, { absentTablesUnchecked = false } = {}): Promise<string[]> {
`,
        replace: `// The schema changes only with a deploy, which starts a new process: once it matches, it keeps matching.
let matched = false;

export async function missingFromSchema(db: pg.Pool, { absentTablesUnchecked = false } = {}): Promise<string[]> {
  if (matched) return [];
`,
      },
      {
        file: 'app/api/src/schema.ts',
        find: `  return Object.entries(expectedSchema).flatMap(([table, columns]) => {
`,
        replace: `  const missing = Object.entries(expectedSchema).flatMap(([table, columns]) => {
`,
      },
      {
        file: 'app/api/src/schema.ts',
        find: `    return columns.map((column) => \`\${table}.\${column}\`).filter((name) => !present.has(name));
  });
}
`,
        replace: `    return columns.map((column) => \`\${table}.\${column}\`).filter((name) => !present.has(name));
  });
  matched = missing.length === 0;
  return missing;
}
`,
      },
    ],
  },
  {
    name: 'only a missing column counts as drift',
    story:
      'Only undefined_column is schema drift; an undefined table usually means a typo in our own query, which should surface as a 500.',
    blind: {
      family: 'another-channel',
      breaks: "Schema errors answer 503 with the reason: 'relation ... does not exist' is a bare 500 again, naming nothing.",
    },
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: `/** Postgres errors that mean "the schema is behind the code". */
`,
        replace: `/** Postgres errors that mean "the schema is behind the code": a missing column. A missing relation is a wrong query, ours. */
`,
      },
      { file: 'app/api/src/schema.ts', find: "['42703', '42P01'].includes(", replace: "['42703'].includes(" },
    ],
  },
  {
    name: 'later nullable columns left out of the declaration',
    story:
      'Columns added later as nullable (dismissed_at, generation_id) are optional: a database without them still serves most requests, so health should not call it drift.',
    blind: {
      family: 'another-way-in',
      breaks:
        'The schema the code needs is declared once and health names what is missing: the worker and the feed still need these columns, but health says the schema matches without them, and migrations from empty no longer produce exactly the declared schema.',
    },
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: `    'updated_at',
    'dismissed_at',
    'generation_id',
  ],
`,
        replace: `    'updated_at',
    // dismissed_at and generation_id are nullable additions: optional.
  ],
`,
      },
    ],
  },
  {
    name: 'schema drift reported as degraded',
    story:
      'Schema drift should not pull every pod out of rotation during a rolling deploy while most requests still work: report it as degraded, not not-ready.',
    blind: {
      family: 'another-channel',
      breaks:
        "Health names what is missing as not ready: with drift it now answers 200 'degraded', so readiness checks and the banner treat a schema the code cannot run on as a minor outage.",
    },
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: `      checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status !== 'matches'
        ? 'not_ready'
        : checks.redis.status === 'down'
`,
        replace: `      checks.database.status === 'down' || checks.migrations.status !== 'current'
        ? 'not_ready'
        : checks.redis.status === 'down' || checks.schema.status !== 'matches'
`,
      },
    ],
  },
] satisfies Regression[];
