import type { Regression } from './index.ts';

export default [
  {
    name: 'a cancelled job keeps its result',
    story: '"It was generated and paid for": a result that arrives after the cancel is still stored, and the job completes.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'result = $2, ${TOUCH} WHERE id = $1 ${unlessLate("status = \'running\'", late)}',
        replace: "result = $2, ${TOUCH} WHERE id = $1 ${unlessLate(\"status IN ('running', 'cancelled')\", late)}",
      },
    ],
  },
  {
    name: 'a failure always recorded',
    story: '"A failure is always worth recording": the worker\'s failures land on any job that did not complete.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: '${unlessLate(ACTIVE, late)}',
        replace: '${unlessLate("status <> \'completed\'", late)}',
      },
    ],
  },
  {
    name: 'progress recorded unguarded',
    story: '"Progress is harmless": every progress report is recorded, whatever the status.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'SET progress = $2, ${TOUCH} WHERE id = $1 ${unlessLate("status = \'running\'", late)}',
        replace: 'SET progress = $2, ${TOUCH} WHERE id = $1',
      },
    ],
  },
] satisfies Regression[];
