import type { Regression } from './index.ts';

export default [
  {
    name: 'parent synced on every render',
    story: '"Keep the parent in sync": the card tells the parent a fresh copy after every render.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'useEffect(() => onChange(job), [job, onChange]);',
        replace: 'useEffect(() => onChange({ ...job }));',
      },
    ],
  },
  {
    name: 'parent stores a copy',
    story:
      '"Never share state objects between components": the page stores a copy of what the card reports, through a new callback each render.',
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: 'onChange={followed.update}',
        replace: 'onChange={(job) => followed.update({ ...job })}',
      },
    ],
  },
  {
    name: 'persisted job updated by copy',
    story: 'The persisted-job hook wraps its setter to copy the job it is given.',
    edits: [
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: 'return { job, update: setJob, follow, finish, forget };',
        replace: 'return { job, update: (next: Job) => setJob({ ...next }), follow, finish, forget };',
      },
    ],
  },
  {
    name: 'parent stores a copy of the job',
    story:
      "A developer passes the card an inline onChange that stores a copy of the job, so the persisted snapshot never shares the card's state object.",
    blind: {
      family: 'another-way-in',
      breaks:
        'The card tells the parent only when the job changed (the inline callback is new on every parent render, so the card reports again, the copy re-renders the parent, and the two loop).',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: '          onChange={followed.update}',
        replace: '          onChange={(job) => followed.update({ ...job })}',
      },
    ],
  },
  {
    name: 'feed row applied directly',
    story:
      "A developer applies the feed's row to the card directly, reasoning that the parent's copy is the server's answer and needs no guard.",
    blind: {
      family: 'another-channel',
      breaks:
        'The card takes from the parent only updates that pass the guard (an older feed row now overwrites newer socket or poll state, and the card bounces between them).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "    offer(latest, 'props');",
        replace: "    setJob(latest); // the feed is the server's answer: take it as is",
      },
    ],
  },
  {
    name: 'equal stamp no longer short-circuits',
    story:
      'A developer removes the equal-stamp early return in acceptUpdate as redundant, since an equal stamp is not older and falls through anyway.',
    blind: {
      family: 'second-time',
      breaks:
        'The card tells the parent only when the job changed (the same version arriving again from another source becomes a new object, so the card re-renders and reports it to the parent each time).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: `  // The server moves updated_at forward on every change, so the same stamp is the same
  // version: keeping the current object spares a render.
  if (compared && age === 0) return current;
`,
        replace: '',
      },
    ],
  },
] satisfies Regression[];
