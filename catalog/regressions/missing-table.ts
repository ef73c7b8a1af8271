import type { Regression } from './index.ts';

export default [
  {
    name: 'a missing table not a schema error',
    story: 'The schema error codes keep undefined_column only, "the one we have seen".',
    edits: [{ file: 'app/api/src/schema.ts', find: "['42703', '42P01']", replace: "['42703']" }],
  },
  {
    name: 'an absent table listed by its columns',
    story: 'A tidy-up drops the table branch of the schema check: an absent table shows as its columns, one by one.',
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: `    if (!tables.has(table)) return absentTablesUnchecked ? [] : [table];
`,
        replace: `    if (!tables.has(table) && absentTablesUnchecked) return [];
`,
      },
    ],
  },
  {
    name: 'a missing settings table read as the defaults',
    story: '"A fresh install has no settings table yet": settings reads answer the defaults when the table is missing.',
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: `    const { rows } = await db.query<{ max_prompt_length: number }>(
      'SELECT max_prompt_length FROM generation_settings WHERE tenant_id = $1',
      [guard.userOf(request).tenantId],
    );`,
        replace: `    const { rows } = await db
      .query<{ max_prompt_length: number }>('SELECT max_prompt_length FROM generation_settings WHERE tenant_id = $1', [
        guard.userOf(request).tenantId,
      ])
      .catch((error: { code?: string }) => {
        if (error.code === '42P01') return { rows: [] };
        throw error;
      });`,
      },
    ],
  },
  {
    name: 'the schema checked once per process',
    story: '"information_schema is slow, and the schema only changes on deploy": health compares the schema once and keeps the answer.',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: "          : missingFromSchema(deps.db, { absentTablesUnchecked: bugOn(request, 'absent-table-unchecked') }),",
        replace:
          "          : ((globalThis as { schemaOnce?: Promise<string[]> }).schemaOnce ??= missingFromSchema(deps.db, { absentTablesUnchecked: bugOn(request, 'absent-table-unchecked') })),",
      },
    ],
  },
  {
    name: 'drift kept until a restart',
    story: '"Half-migrated instances should be replaced, not reused": once health saw drift, it reports drift until the api restarts.',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: "        : { status: missing.length ? 'drift' : 'matches', missing },",
        replace:
          "        : { status: (missing.length ? ((globalThis as { drifted?: boolean }).drifted = true) : (globalThis as { drifted?: boolean }).drifted) ? 'drift' : 'matches', missing },",
      },
    ],
  },
  {
    name: 'undefined table is a 500 again',
    story:
      'A developer narrows the schema-drift 503 to missing columns, arguing that tables arrive with the first migration so a missing table is a real bug that should page as a 500.',
    blind: {
      family: 'another-channel',
      breaks: '"relation does not exist" answers 503 with the reason, like a missing column: it becomes an anonymous 500 internal error.',
    },
    edits: [{ file: 'app/api/src/schema.ts', find: "['42703', '42P01'].includes(", replace: "['42703'].includes(" }],
  },
  {
    name: 'settings fall back to defaults when unreadable',
    story:
      'To keep the jobs form usable when settings cannot be read, the settings endpoint serves the defaults on any read error instead of failing.',
    blind: {
      family: 'another-way-in',
      breaks:
        '"relation does not exist" answers 503 with the reason: with generation_settings missing or misnamed, GET settings answers 200 with defaults and the missing table is hidden from the user.',
    },
    edits: [
      {
        file: 'app/api/src/settings.ts',
        find: `      [guard.userOf(request).tenantId],
    );`,
        replace: `      [guard.userOf(request).tenantId],
    ).catch((error: Error) => {
      // Settings are not critical: the defaults keep the jobs page usable.
      request.log.warn({ err: error.message }, 'settings unreadable; serving defaults');
      return { rows: [] as { max_prompt_length: number }[] };
    });`,
      },
    ],
  },
  {
    name: 'schema comparison cached for five minutes',
    story:
      'information_schema.columns is slow on a large catalog and every open page polls health every 10 s, so someone caches the schema comparison for five minutes since the schema only changes with a deploy.',
    blind: {
      family: 'longer',
      breaks:
        'Health names a table the code needs that the database lacks: a table dropped or renamed after the last comparison is not named (health says matches) for up to five minutes, and a fixed one keeps being reported.',
    },
    edits: [
      {
        file: 'app/api/src/schema.ts',
        find: `export async function missingFromSchema(db: pg.Pool, { absentTablesUnchecked = false } = {}): Promise<string[]> {
`,
        replace: `// The schema only changes with a deploy; information_schema is slow on a big catalog.
const SCHEMA_CACHE_MS = 5 * 60_000;
let cached: { at: number; missing: string[] } | undefined;

export async function missingFromSchema(db: pg.Pool, { absentTablesUnchecked = false } = {}): Promise<string[]> {
  if (cached && Date.now() - cached.at < SCHEMA_CACHE_MS) return cached.missing;
`,
      },
      {
        file: 'app/api/src/schema.ts',
        find: '  return Object.entries(expectedSchema).flatMap(([table, columns]) => {',
        replace: '  const missing = Object.entries(expectedSchema).flatMap(([table, columns]) => {',
      },
      {
        file: 'app/api/src/schema.ts',
        find: `.filter((name) => !present.has(name));
  });
}`,
        replace: `.filter((name) => !present.has(name));
  });
  cached = { at: Date.now(), missing };
  return missing;
}`,
      },
    ],
  },
] satisfies Regression[];
