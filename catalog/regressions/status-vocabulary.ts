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
] satisfies Regression[];
