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
  {
    name: 'backoff reset on open',
    story: "A developer resets the reconnect counter as soon as a socket opens, the usual 'connected, so start the backoff over' pattern.",
    blind: {
      family: 'second-time',
      breaks:
        'At most five reconnects with backoff, then the card says it is polling (a server that accepts and then closes, as in demo mode, resets the count every time and the socket reconnects forever).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `      socket.onopen = () => {
        sentWith = tokens.access();`,
        replace: `      socket.onopen = () => {
        // Connected: the backoff starts over.
        failures = 0;
        sentWith = tokens.access();`,
      },
    ],
  },
  {
    name: 'pending reconnect timer left running',
    story: 'A developer drops clearTimeout(retry) from the cleanup as redundant, believing the closing flag already stops any reconnect.',
    blind: {
      family: 'another-way-in',
      breaks:
        "An intentional close never reconnects (unmounting while a reconnect is scheduled lets the timer open a new, orphaned socket beside the next page's).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `      clearTimeout(retry);
`,
        replace: '',
      },
    ],
  },
  {
    name: 'twenty reconnects for long deploys',
    story: 'A developer raises the reconnect cap to 20 because rolling deploys take about a minute and five attempts gave up too early.',
    blind: { family: 'longer', breaks: 'At most five reconnects with backoff, then the card says it is polling.' },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: 'export const MAX_RECONNECTS = 5;',
        replace: `// Rolling deploys take about a minute: keep trying through one.
export const MAX_RECONNECTS = 20;`,
      },
    ],
  },
  {
    name: 'polling notice dropped',
    story: "A designer asks to drop the 'live updates are unavailable' line because polling is seamless and the notice alarmed users.",
    blind: { family: 'another-channel', breaks: 'Then the card says it is polling.' },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: `      {socket === 'polling' && <p role="status">Live updates are unavailable; checking for changes every few seconds.</p>}
`,
        replace: '',
      },
    ],
  },
  {
    name: 'handlers released after cleanup',
    story:
      "A developer nulls the socket's handlers at the end of the cleanup so the closed socket and the effect's closure can be garbage-collected.",
    blind: {
      family: 'another-way-in',
      breaks:
        'A connecting socket is closed once open (the close-on-open handler is wiped, so a socket still connecting at unmount opens and lingers until the server times it out).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `      else socket.close();
    };`,
        replace: `      else socket.close();
      // Release the handlers so the socket and this closure can be collected.
      socket.onmessage = null;
      socket.onopen = null;
    };`,
      },
    ],
  },
] satisfies Regression[];
