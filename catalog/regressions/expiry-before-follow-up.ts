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
] satisfies Regression[];
