import type { Regression } from './index.ts';

export default [
  {
    name: 'snapshot taken as confirmed',
    story: '"The snapshot came from the server anyway": the card starts out confirmed.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'const [confirmed, setConfirmed] = useState(false);',
        replace: 'const [confirmed, setConfirmed] = useState(true);',
      },
    ],
  },
  {
    name: 'the snapshot never leaves storage',
    story: 'A change to the clearing timer forgets to remove the snapshot.',
    edits: [
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: 'if (read()?.id === jobId) localStorage.removeItem(storageKeys.activeJob);',
        replace: 'void read();',
      },
    ],
  },
  {
    name: 'socket opened from the snapshot',
    story: '"Connect at once for snappier updates": the socket no longer waits for the server to confirm the job.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "(confirmed || bugOn(thisPage, 'socket-from-snapshot')) && !terminal",
        replace: '!terminal',
      },
    ],
  },
] satisfies Regression[];
