import type { Regression } from './index.ts';

export default [
  {
    name: 'age comparison inverted',
    story: 'A refactor flips the comparison of updated_at.',
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: 'const older = compared && age < 0;',
        replace: 'const older = compared && age > 0;',
      },
    ],
  },
  {
    name: 'polls taken as authoritative',
    story: '"The poll reads the database, trust it": polling skips the age check.',
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: "const compared = !(source === 'poll' && bugOn(thisPage, 'poll-ignores-updated-at'));",
        replace: "const compared = source !== 'poll';",
      },
    ],
  },
  {
    name: 'poll data set directly',
    story: 'A simplification sets the card from the poll without going through acceptUpdate.',
    edits: [{ file: 'app/web/src/jobs/JobProgress.tsx', find: "offer(poll.data, 'poll');", replace: 'setJob(poll.data);' }],
  },
] satisfies Regression[];
