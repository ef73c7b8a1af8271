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
] satisfies Regression[];
