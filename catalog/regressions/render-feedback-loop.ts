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
] satisfies Regression[];
