import type { Regression } from './index.ts';

export default [
  {
    name: 'unanswered session check taken as expiry',
    story: '"No answer from /auth/me means no session": the session check signs out when the api does not answer.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: 'me: () => authed<MeResponse>(routes.me),',
        replace: `me: () =>
    authed<MeResponse>(routes.me).catch((error: unknown) => {
      if (error instanceof Unreachable) sessionLost('session-expired');
      throw error;
    }),`,
      },
    ],
  },
  {
    name: 'stalled job failed, not handed on',
    story: '"A generation must never run twice": a job whose worker vanished is failed by the queue instead of handed to the next worker.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `    stalledInterval: deps.stalledMs,
`,
        replace: `    stalledInterval: deps.stalledMs,
    maxStalledCount: 0,
`,
      },
    ],
  },
  {
    name: 'session check stops after a failure',
    story: '"Do not hammer a failing endpoint": the session check stops polling once it has failed.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: 'refetchInterval: SESSION_CHECK_MS,',
        replace: "refetchInterval: (query) => (query.state.status === 'error' ? false : SESSION_CHECK_MS),",
      },
    ],
  },
] satisfies Regression[];
