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
] satisfies Regression[];
