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
  {
    name: 'session check stops polling after a failure',
    story: 'Stop polling /auth/me once it fails: hammering an api that is down only adds load.',
    blind: {
      family: 'longer',
      breaks:
        'A check that gets no answer is retried and then left to the next one: after an outage longer than the retries there is no next check, so the app never confirms the session again.',
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `    refetchInterval: SESSION_CHECK_MS,
`,
        replace: `    // Stop polling an api that does not answer: hammering it while it is down only adds load.
    refetchInterval: (query) => (query.state.status === 'error' ? false : SESSION_CHECK_MS),
`,
      },
    ],
  },
  {
    name: 'auth guard answers 401 for any verification failure',
    story:
      'Harden the auth guard: whatever kept us from confirming the caller, answer 401, so no internal error ever leaks from an auth check.',
    blind: {
      family: 'another-channel',
      breaks:
        'Only a 401 that a refresh cannot mend ends a session: while Postgres restarts, /auth/me answers 401 instead of 503, the refresh then fails on the same database, and the client signs the user out.',
    },
    edits: [
      {
        file: 'app/api/src/auth/guard.ts',
        find: `      if (caller instanceof Error) throw caller;
`,
        replace: `      // Not confirmed is not signed in, whatever the reason: no internal error leaks from an auth check.
      if (caller instanceof Error) throw caller instanceof AuthFailure ? caller : new AuthFailure('unauthorized', 'Sign in to continue.');
`,
      },
    ],
  },
  {
    name: 'stalled generations are never run again',
    story: 'Set maxStalledCount to 0 so a generation whose lock lapsed is never run a second time and cannot bill the provider twice.',
    blind: {
      family: 'second-time',
      breaks:
        'Queued jobs live in Redis, so a restarted api carries on with them: the job a stopped api was running is failed by the queue instead of resumed, and sits as running until it is stopped as stuck.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: `    lockDuration: deps.stalledMs,
`,
        replace: `    lockDuration: deps.stalledMs,
    // A generation whose lock lapsed is never run a second time: a second run could bill the provider twice.
    maxStalledCount: 0,
`,
      },
    ],
  },
  {
    name: 'job socket renews the session before any reconnect',
    story:
      'The access token may have expired while the live socket was open, so renew the session once before reconnecting after any unexpected close, not only after a 4401.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Only a 401 that a refresh cannot mend ends a session: when the api restarts, the dropped job socket asks for a refresh the api cannot answer, and the failed refresh signs the user out.',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `        if (event.code === FINISHED) return setState('off');
`,
        replace: `        if (event.code === FINISHED) return setState('off');
        // The token may have expired while the socket was open: renew once before reconnecting after any drop.
        if (event.code !== SIGN_IN_AGAIN && !renewed) {
          renewed = true;
          void renewSession(sentWith).then(
            (ok) => ok && !closing && connect(),
            () => !closing && reconnectLater(),
          );
          return;
        }
`,
      },
    ],
  },
  {
    name: 'network failures are not retried',
    story:
      'Only retry real server errors: no answer at all usually means the browser is offline, and TanStack refetches on reconnect anyway.',
    blind: {
      family: 'another-channel',
      breaks:
        'A check that gets no answer is retried with backoff: a session check (or any request) that finds the api restarting now fails at once, without a retry.',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `    const clientError = error instanceof ApiError && error.status < 500;
`,
        replace: `    // No answer at all usually means the browser is offline: retrying at once is pointless, TanStack refetches on reconnect.
    const clientError = !(error instanceof ApiError) || error.status < 500;
`,
      },
    ],
  },
] satisfies Regression[];
