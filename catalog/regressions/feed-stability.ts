import type { Regression } from './index.ts';

export default [
  {
    name: 'cursor from the wire createdAt',
    story: 'A cleanup builds the cursor from the job the page returns, whose createdAt is cut to the millisecond.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: ': last.created_at_exact, last.id)',
        replace: ': last.created_at.toISOString(), last.id)',
      },
    ],
  },
  {
    name: 'inclusive keyset bound',
    story: '"Do not lose the boundary row": the keyset comparison becomes <=, so the last row of a page opens the next.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'AND (created_at, id) < ($3::timestamptz',
        replace: 'AND (created_at, id) <= ($3::timestamptz',
      },
    ],
  },
  {
    name: 'cursor from the look-ahead row',
    story: 'An off-by-one: the cursor names the extra row fetched to know whether there is a next page.',
    edits: [{ file: 'app/api/src/jobs/repository.ts', find: 'const last = rows[limit - 1]!;', replace: 'const last = rows[limit]!;' }],
  },
  {
    name: 'rows keyed by index',
    story: 'A lint fix for "key must be stable" keys the rows by their index, which is stable, but per position.',
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: "key={bugOn(thisPage, 'rows-keyed-by-index') ? index : job.id}",
        replace: 'key={index}',
      },
    ],
  },
  {
    name: 'cursor carries created_at to the millisecond (SQL format)',
    story:
      "Format the cursor's created_at with milliseconds, like every other timestamp on the wire: shorter cursors, and the same shape as createdAt.",
    blind: {
      family: 'another-channel',
      breaks:
        "Keyset pagination on (created_at, id): the cursor no longer names the last row's exact created_at, so a job in the same millisecond as the last row of a page, and just before it, is on neither page.",
    },
    edits: [
      { file: 'app/api/src/jobs/repository.ts', find: '\'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\'', replace: '\'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\'' },
    ],
  },
  {
    name: 'feed list remounted when a new job lands on top',
    story:
      'Key the feed list by its newest job so the list remounts when a job arrives on top, replaying its entry animation and scrolling back to the top.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Rows keyed by job id, items update in place: every new job now throws away and recreates every row element of the feed, so the rows a user was looking at vanish and reappear.',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `      <ul aria-label="Your jobs">
`,
        replace: `      {/* Remounted when a job lands on top: the entry animation replays and the list scrolls back up. */}
      <ul aria-label="Your jobs" key={rows[0]?.id ?? 'empty'}>
`,
      },
    ],
  },
  {
    name: 'feed keeps at most two pages in memory',
    story: "Keep memory flat in long sessions: cap the infinite feed at two pages with TanStack's maxPages.",
    blind: {
      family: 'longer',
      breaks:
        'Items stay in the feed and update in place: once the user loads a third page, the first page (the newest jobs, the followed one included) is dropped and disappears from the feed.',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `    getNextPageParam: (page) => page.nextCursor,
`,
        replace: `    getNextPageParam: (page) => page.nextCursor,
    // Keep memory flat in long sessions: at most two pages of the feed at a time.
    maxPages: 2,
`,
      },
    ],
  },
  {
    name: 'feed order without the id tiebreak',
    story: "Simplify the feed's ORDER BY: created_at has microseconds, so it is effectively unique and the id tiebreak looks redundant.",
    blind: {
      family: 'another-way-in',
      breaks:
        'Keyset pagination on (created_at, id): rows that share a created_at come back in any order while the cursor compares ids, so such jobs are skipped or repeated across pages.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: `      const order = 'ORDER BY created_at DESC, id DESC LIMIT $2';
`,
        replace: `      // created_at has microseconds: unique enough to order by on its own.
      const order = 'ORDER BY created_at DESC LIMIT $2';
`,
      },
    ],
  },
] satisfies Regression[];
