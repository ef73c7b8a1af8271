import type { Regression } from './index.ts';

export default [
  {
    name: 'anything but processing ends the job',
    story: '"The provider\'s docs list processing, succeeded and failed": a tidy-up reads any word but processing as the end.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: "const ending = state.status === 'succeeded' || state.status === 'failed' ||",
        replace: "const ending = state.status !== 'processing' ||",
      },
    ],
  },
  {
    name: 'a generation not yet progressing is left alone',
    story: '"Save the polls": the worker stops following a generation that has no progress yet, and leaves it to the stuck-job sweep.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `      // Nothing new within the long-poll window; stop if the job ended meanwhile.
`,
        replace: `      if (state.status !== 'processing') return;
`,
      },
    ],
  },
  {
    name: 'a percentage only once there is one',
    story: '"(0%) reads as stuck": the card shows a percentage only once the generation reports progress.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "{job.status === 'running' && !gone && ",
        replace: "{job.status === 'running' && job.progress > 0 && !gone && ",
      },
    ],
  },
  {
    name: 'Cancel offered once progress shows',
    story: '"Nothing to cancel yet": the card offers Cancel only once the generation reports progress.',
    edits: [{ file: 'app/web/src/jobs/JobProgress.tsx', find: '{!terminal && (', replace: '{!terminal && job.progress > 0 && (' }],
  },
  {
    name: 'only jobs not yet started can be cancelled',
    story: '"A running generation is already paid for": cancel accepts pending jobs only, and refuses running ones with 422.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'AND user_id = $2 AND ${ACTIVE} RETURNING *',
        replace: "AND user_id = $2 AND status = 'pending' RETURNING *",
      },
    ],
  },
  {
    name: 'provider phases shown as pending',
    story:
      'While the provider has the generation but has not begun it (queued, started), show the job as pending, as the provider does, instead of a running job stuck at 0%.',
    blind: {
      family: 'another-channel',
      breaks:
        'Queued and started mean the generation is under way, so the job stays running: it turns pending, and since the worker writes only while a job runs, it stops following it; the job never moves again until it is stopped as stuck.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: `    start: (id: string) => one(\`UPDATE jobs SET status = 'running', \${TOUCH} WHERE id = $1 AND \${ACTIVE} RETURNING *\`, [id]),
`,
        replace: `    start: (id: string) => one(\`UPDATE jobs SET status = 'running', \${TOUCH} WHERE id = $1 AND \${ACTIVE} RETURNING *\`, [id]),

    /** The provider holds the generation but has not begun it: the job waits, as the provider says. */
    waiting: (id: string) => one(\`UPDATE jobs SET status = 'pending', \${TOUCH} WHERE id = $1 AND status = 'running' RETURNING *\`, [id]),
`,
      },
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
        replace: `      // Not begun at the provider yet: show the job as waiting (pending), as the provider does.
      if (state.status === 'queued' || state.status === 'started') {
        const waiting = await jobs.waiting(jobId);
        if (waiting) announce(waiting);
      }
      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
      },
    ],
  },
  {
    name: 'started after progress fails the job',
    story:
      "A provider that says 'started' again after progress has restarted the generation from scratch: fail the job rather than pay for a second generation.",
    blind: {
      family: 'second-time',
      breaks:
        "Only succeeded and failed end a job; started means under way: heard a second time, after progress, 'started' now ends the job as failed while the provider still works on it.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
        replace: `      // 'started' again after progress: the provider restarted the generation, and would bill it twice.
      if (state.status === 'started' && progress > 0) {
        const failed = await jobs.fail(jobId, 'The provider restarted the generation; nothing usable was produced.');
        if (failed) announce(failed);
        return;
      }
      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
      },
    ],
  },
  {
    name: 'queued generation handed back to the queue',
    story:
      'A generation still queued at the provider should not hold a worker slot on long polls: throw it back to BullMQ, which retries it with backoff.',
    blind: {
      family: 'longer',
      breaks:
        "Queued means the generation is under way, so the job stays running: a generation that stays queued longer than the queue's three attempts fails the job ('failed 3 times') while the provider still has it.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
        replace: `      // Still waiting in the provider's own queue: give the worker slot back; BullMQ retries with backoff.
      if (state.status === 'queued') throw new Error('generation still queued at the provider');
      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
`,
      },
    ],
  },
] satisfies Regression[];
