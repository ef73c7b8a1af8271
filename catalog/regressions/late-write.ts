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
  {
    name: 'finished generation delivered after a cancel',
    story: 'A generation the provider finished is paid for: deliver its result even when the user cancelled in the last seconds.',
    blind: {
      family: 'longer',
      breaks:
        'The worker writes the result only while the job runs, and a cancel that came first stands: a generation that goes on to finish after the cancel turns the cancelled job completed.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'result = $2, ${TOUCH} WHERE id = $1 ${unlessLate("status = \'running\'", late)} RETURNING *`,',
        replace: "result = $2, ${TOUCH} WHERE id = $1 ${unlessLate(\"status IN ('running', 'cancelled')\", late)} RETURNING *`,",
      },
    ],
  },
  {
    name: 'a queue retry revives an ended job',
    story:
      'Let a run the queue retries revive a job an earlier attempt ended (say, stopped as stuck during a provider blip) instead of wasting the retry.',
    blind: {
      family: 'second-time',
      breaks:
        'A cancel that came first stands: a run that starts after the cancel (a retry, a stalled job run again, or a cancel while pending) flips the job back to running and then writes its progress and result.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: `    start: (id: string) => one(\`UPDATE jobs SET status = 'running', \${TOUCH} WHERE id = $1 AND \${ACTIVE} RETURNING *\`, [id]),
`,
        replace: `    // A retried run may find its job ended by an earlier attempt (stopped as stuck in a provider blip): revive it.
    start: (id: string) =>
      one(\`UPDATE jobs SET status = 'running', error = NULL, \${TOUCH} WHERE id = $1 AND status <> 'completed' RETURNING *\`, [id]),
`,
      },
    ],
  },
  {
    name: 'late-update log line removed',
    story: "Remove the 'late provider update dropped' log: it fires on every cancel, and the job row already says what happened.",
    blind: {
      family: 'another-channel',
      breaks:
        'The late update is dropped with a log line: it is still dropped, silently, so nothing tells an operator that a generation went on after a cancel.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `  /** The provider moved a job that had already ended (cancelled, or stopped as stuck): its word is dropped. */
  const dropLate = (jobId: string, update: string) =>
    deps.log.info({ jobId, update }, 'late provider update dropped: the job had already ended');
`,
        replace: '',
      },
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `        if (!ended) return dropLate(jobId, state.status);
`,
        replace: `        if (!ended) return; // the job had already ended: the row says how
`,
      },
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `        if (!updated) return dropLate(jobId, 'progress');
`,
        replace: `        if (!updated) return;
`,
      },
    ],
  },
  {
    name: 'failures recorded unless the job completed',
    story:
      'Record a provider failure even on a job that was cancelled or stopped, so support can see in the row why the generation went wrong.',
    blind: {
      family: 'another-way-in',
      breaks:
        "A failure is written only while the job is active, and a cancel that came first stands: a provider failure, or the queue's final failure after retries, now overwrites the cancel with failed.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: '${unlessLate(ACTIVE, late)}',
        replace: '${unlessLate("status <> \'completed\'", late)}',
      },
    ],
  },
] satisfies Regression[];
