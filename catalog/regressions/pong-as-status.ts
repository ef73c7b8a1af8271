import type { Regression } from './index.ts';

export default [
  {
    name: 'every frame read as a status',
    story: 'A "generic" frame handler merges any frame into the job.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "if (frame.type === 'status') return frame.job;",
        replace: `if (frame.type === 'status') return frame.job;
  if (frame.type === 'pong') return { ...current, updatedAt: frame.at };`,
      },
    ],
  },
  {
    name: 'a pong read as a stale connection',
    story: 'A liveness check takes a frame without news as a sign the socket went stale, and marks it reconnecting.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: 'if (!next) return; // a pong: the connection is alive, nothing changed',
        replace: "if (!next) return setState('connecting');",
      },
    ],
  },
  {
    name: 'missing progress defaults to 0',
    story: 'A normaliser fills the fields a frame lacks: progress defaults to 0, stamped with the frame time.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "if (frame.type === 'status') return frame.job;",
        replace: `if (frame.type === 'status') return frame.job;
  if (frame.type === 'pong') return { ...current, progress: 0, updatedAt: frame.at };`,
      },
    ],
  },
] satisfies Regression[];
