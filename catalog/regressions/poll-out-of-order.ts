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
  {
    name: 'socket frames skip the comparison',
    story:
      'A developer lets socket frames bypass the updated_at comparison, reasoning that the server pushes changes in the order it made them.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Every update is compared by updated_at; an older one is ignored, whatever its source (an older socket frame, such as a relay that raced a resync, now replaces newer state).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: '  if (next.id !== current.id) return next;',
        replace: `  if (next.id !== current.id) return next;
  // The socket relays changes in the order the server made them: nothing to compare.
  if (source === 'socket') return next;`,
      },
    ],
  },
  {
    name: 'same-status fast path',
    story: "A developer adds a fast path: an update with the same status is 'just a progress tick' and is applied without parsing dates.",
    blind: {
      family: 'another-channel',
      breaks:
        'Every update is compared by updated_at (a late poll with the same status but older progress puts the older progress back on screen).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: '  if (next.id !== current.id) return next;',
        replace: `  if (next.id !== current.id) return next;
  // Same status: only progress moved, nothing to reorder.
  if (next.status === current.status) return next;`,
      },
    ],
  },
  {
    name: 'progress ticks stop touching updated_at',
    story:
      'A backend developer stops bumping updated_at on progress ticks to cut index and WAL churn, reasoning that updated_at should record state changes.',
    blind: {
      family: 'another-channel',
      breaks:
        "Every update is compared by updated_at (progress updates no longer move the stamp, so clients cannot order them: newer progress is dropped as 'the same version' and order is lost).",
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'UPDATE jobs SET progress = $2, ${TOUCH} WHERE id = $1',
        replace: 'UPDATE jobs SET progress = $2 WHERE id = $1',
      },
    ],
  },
] satisfies Regression[];
