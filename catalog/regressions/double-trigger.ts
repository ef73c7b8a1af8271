import type { Regression } from './index.ts';

export default [
  {
    name: 'every run starts from a clean slate',
    story: '"A retried run should not trust state a failed run left": every run starts its own generation.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `    if (job.generationId && !everyRun) return job.generationId;
`,
        replace: '',
      },
    ],
  },
  {
    name: 'the generation never recorded',
    story: 'A refactor of the start path drops the claim: the run follows its generation, and the row never learns it.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: 'if (!started || everyRun || (await deps.jobs.claimGeneration(job.id, started))) return started;',
        replace: 'return started;',
      },
    ],
  },
  {
    name: 'a stalled job is failed',
    story: '"A stalled generation is a lost one": the stalled handler fails the job, so the user can try again.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: "  worker.on('stalled', (id) => deps.log.warn({ jobId: id }, 'generation stalled: its lock lapsed, so the queue runs it again'));",
        replace: `  worker.on('stalled', (id) => {
    deps.log.warn({ jobId: id }, 'generation stalled: its lock lapsed, so the queue runs it again');
    void deps.jobs.fail(id, 'The generation stalled; try again.').then((failed) => failed && deps.announce(failed));
  });`,
      },
    ],
  },
  {
    name: 'start clears a leftover generation',
    story:
      'So a job retried after a provider failure does not resume a dead generation, a developer clears generation_id whenever a run (re)starts the job.',
    blind: {
      family: 'second-time',
      breaks:
        'a run of the same job that comes again resumes that generation instead of starting another: every run now starts and bills a new generation.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: "    start: (id: string) => one(`UPDATE jobs SET status = 'running', ${TOUCH} WHERE id = $1 AND ${ACTIVE} RETURNING *`, [id]),",
        replace: `    // A (re)started run begins afresh: a generation left from an earlier run may be dead.
    start: (id: string) => one(\`UPDATE jobs SET status = 'running', generation_id = NULL, \${TOUCH} WHERE id = $1 AND \${ACTIVE} RETURNING *\`, [id]),`,
      },
    ],
  },
  {
    name: 'only pending jobs can be started',
    story:
      "Trying to prevent double processing, a developer lets a run start only a pending job, treating an already running one as someone else's.",
    blind: {
      family: 'another-way-in',
      breaks:
        'a run of the same job that comes again resumes that generation: a repeated run (worker restarted, lock lapsed, BullMQ retry) gives up instead of resuming, and the job stays running until the stuck check fails it.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: "    start: (id: string) => one(`UPDATE jobs SET status = 'running', ${TOUCH} WHERE id = $1 AND ${ACTIVE} RETURNING *`, [id]),",
        replace: `    // Only a pending job starts: a running one already has a worker.
    start: (id: string) => one(\`UPDATE jobs SET status = 'running', \${TOUCH} WHERE id = $1 AND status = 'pending' RETURNING *\`, [id]),`,
      },
    ],
  },
  {
    name: 'unpollable generation treated as lost',
    story:
      'To avoid burning a BullMQ attempt and its backoff on a provider hiccup, a developer treats a generation that cannot be polled like a lost one and starts it again at once.',
    blind: {
      family: 'longer',
      breaks:
        'resumes that generation instead of starting another: a provider outage longer than one poll makes the run start a second generation while the first still runs and bills.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: "import { type GenerationState, type ProviderClient, ProviderLostGeneration, ProviderRefusedCredentials } from './provider.ts';",
        replace: `import {
  type GenerationState,
  type ProviderClient,
  ProviderLostGeneration,
  ProviderRefusedCredentials,
  ProviderUnavailable,
} from './provider.ts';`,
      },
      {
        file: 'app/api/src/jobs/worker.ts',
        find: '        if (!(error instanceof ProviderLostGeneration)) throw error;',
        replace: `        // A generation we cannot poll is as good as lost: start it again rather than wait out a retry.
        if (!(error instanceof ProviderLostGeneration || error instanceof ProviderUnavailable)) throw error;`,
      },
    ],
  },
  {
    name: 'start returns explicit columns',
    story:
      "A tidy-up lists start()'s RETURNING columns explicitly so a future column cannot change what the worker reads, and misses the recently added generation_id.",
    blind: {
      family: 'another-channel',
      breaks:
        'The job row records the generation it follows; a repeated run resumes it: the row still records it, but the run reads its job without generation_id and starts another generation.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: "    start: (id: string) => one(`UPDATE jobs SET status = 'running', ${TOUCH} WHERE id = $1 AND ${ACTIVE} RETURNING *`, [id]),",
        replace: `    start: (id: string) =>
      one(
        \`UPDATE jobs SET status = 'running', \${TOUCH} WHERE id = $1 AND \${ACTIVE}
         RETURNING id, tenant_id, user_id, prompt, status, progress, result, error, created_at, updated_at\`,
        [id],
      ),`,
      },
    ],
  },
] satisfies Regression[];
