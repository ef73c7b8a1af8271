import type { Regression } from './index.ts';

export default [
  {
    name: 'the socket keeps its first token',
    story: '"Spare a storage read per reconnect": the socket keeps the token it first authenticated with.',
    edits: [{ file: 'app/web/src/jobs/use-job-socket.ts', find: 'sentWith = tokens.access();', replace: 'sentWith ??= tokens.access();' }],
  },
  {
    name: 'a refused socket signs the user out',
    story: '"The api said sign in again": a socket refused with 4401 sends the user to sign in.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `  if (await renewAccess(sentWith)) return true;
`,
        replace: '',
      },
    ],
  },
  {
    name: 'renewed through a refused request',
    story: '"Reuse the client\'s 401 handling": the socket renews the session by asking /auth/me, which refreshes on its 401.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `  if (await renewAccess(sentWith)) return true;
`,
        replace: `  if (await authed('/auth/me').then(() => true, () => false)) return true;
`,
      },
    ],
  },
  {
    name: 'one renewal per socket lifetime',
    story:
      'Worried about renew loops, a developer stops resetting the renewal flag on each status frame, so a socket renews at most once in its life.',
    blind: {
      family: 'second-time',
      breaks:
        'it renews the session once ... and reconnects at once: the second expiry during one long job (15 minutes later) is not renewed; the socket retries the dead token on its backoff.',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `        failures = 0;
        renewed = false;
        setState('live');`,
        replace: `        failures = 0;
        setState('live');`,
      },
    ],
  },
  {
    name: 'token read once per followed job',
    story:
      'To keep localStorage reads out of the reconnect path, the hook reads the access token once when it starts following a job and reuses it for every open.',
    blind: {
      family: 'longer',
      breaks:
        'renews the session ... and reconnects at once: after the renewal the reconnect still sends the token the effect started with, is refused again, and the socket falls back to polling.',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `    let renewed = false;
`,
        replace: `    let renewed = false;
    // Read once for this job's socket: no storage reads on the reconnect path.
    const token = tokens.access();
`,
      },
      { file: 'app/web/src/jobs/use-job-socket.ts', find: '        sentWith = tokens.access();', replace: '        sentWith = token;' },
    ],
  },
  {
    name: 'standard close code for refused auth',
    story:
      "A developer switches the api's refused-auth close to the standard 1008 policy-violation code because custom 4xxx codes showed up as unknown in the proxy's metrics.",
    blind: {
      family: 'another-channel',
      breaks:
        "The job's live socket reads the api's 4401 as a 401: the api no longer sends 4401 for an expired token, so the client treats it as an ordinary failure and resends the expired token on its backoff instead of renewing.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/live.ts',
        find: 'socket.close(refused ? closeCodes.unauthorized : closeCodes.serverError,',
        replace: 'socket.close(refused ? closeCodes.policy : closeCodes.serverError,',
      },
    ],
  },
  {
    name: 'socket renews with its own refresh call',
    story:
      "Because the shared refresh can wait on the cross-tab Web Lock, someone makes the socket's renewal call the refresh endpoint directly so it reconnects sooner.",
    blind: {
      family: 'another-way-in',
      breaks:
        "it renews the session once, through the client's one shared refresh: the socket now rotates the refresh token on its own, racing the polling 401's refresh with the same token, and the api ends the whole sign-in.",
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `export async function renewSession(sentWith: string | null): Promise<boolean> {
  if (await renewAccess(sentWith)) return true;`,
        replace: `export async function renewSession(_sentWith: string | null): Promise<boolean> {
  // The socket renews directly: waiting on the shared refresh's cross-tab lock delayed its reconnect.
  const refreshToken = tokens.refresh();
  const response = refreshToken
    ? await send(routes.refresh, { method: 'POST', body: JSON.stringify({ refreshToken }) }, false)
    : undefined;
  if (response?.ok) {
    tokens.save((await response.json()) as TokenPair);
    return true;
  }`,
      },
    ],
  },
] satisfies Regression[];
