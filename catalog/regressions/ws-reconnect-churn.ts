import type { Regression } from './index.ts';

export default [
  {
    name: 'no reconnect cap',
    story: '"Never give up on live updates": the cap is removed.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "if (failures > MAX_RECONNECTS && !churn) return setState('polling');",
        replace: '',
      },
    ],
  },
  {
    name: 'failures reset on open',
    story:
      '"Reset the backoff once connected": every socket that opens resets the count, so a server that closes after opening is retried forever.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: "send({ type: 'auth', token: sentWith ?? '' });",
        replace: `failures = 0;
        send({ type: 'auth', token: sentWith ?? '' });`,
      },
    ],
  },
  {
    name: 'own close counted as a failure',
    story: 'The intentional-close check is dropped in a cleanup of onclose.',
    edits: [{ file: 'app/web/src/jobs/use-job-socket.ts', find: 'if (closing && !forgetful) return;', replace: '' }],
  },
  {
    name: 'connecting socket closed at once',
    story: '"Close it now": a socket still connecting is closed immediately on unmount.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `if (socket.readyState === WebSocket.CONNECTING && !hasty) socket.onopen = () => socket.close();
      else socket.close();`,
        replace: 'socket.close();',
      },
    ],
  },
  {
    name: 'own close marked for open sockets only',
    story: 'A refactor of the cleanup marks the close as intentional only where it closes now, not for a socket it closes once open.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `      closing = true;
      clearTimeout(retry);`,
        replace: `      clearTimeout(retry);
      if (socket.readyState !== WebSocket.CONNECTING) closing = true;`,
      },
    ],
  },
  {
    name: 'socket reopened on every job change',
    story: "A refactor lists the whole job as the effect's dependency: each new status closes the socket and opens another.",
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: '}, [job.id, enabled, churn, forgetful, hasty, expiryBlind]);',
        replace: '}, [job, enabled, churn, forgetful, hasty, expiryBlind]);',
      },
    ],
  },
] satisfies Regression[];
