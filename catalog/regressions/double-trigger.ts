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
] satisfies Regression[];
