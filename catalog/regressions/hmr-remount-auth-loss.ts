import type { Regression } from './index.ts';

export default [
  {
    name: 'tokens cached in memory',
    story: '"Avoid a storage read per request": the access token comes from the in-memory copy, which a hot update empties.',
    edits: [
      {
        file: 'app/web/src/auth/tokens.ts',
        find: "access: () => stored(ACCESS, 'access'),",
        replace: 'access: () => memory?.access ?? null,',
      },
    ],
  },
  {
    name: 'any 401 logs out',
    story: '"A 401 means the session is gone": the silent refresh is skipped.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: '(tokens.access() !== sentWith && tokens.access() !== null) || refreshOnce();',
        replace: 'tokens.access() !== sentWith && tokens.access() !== null;',
      },
    ],
  },
  {
    name: 'refreshed tokens not saved',
    story: 'A refactor of the refresh moves saving the new pair to the caller, and the caller forgets it.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `tokens.save((await response.json()) as TokenPair);
    return true;`,
        replace: 'return (await response.json()) !== null;',
      },
    ],
  },
  {
    name: 'rotated refresh token not stored',
    story: '"The refresh token is long-lived": save() keeps the one already stored, so the next refresh presents a spent token.',
    edits: [
      {
        file: 'app/web/src/auth/tokens.ts',
        find: `    localStorage.setItem(REFRESH, pair.refreshToken);
    memory`,
        replace: `    if (!localStorage.getItem(REFRESH)) localStorage.setItem(REFRESH, pair.refreshToken);
    memory`,
      },
    ],
  },
  {
    name: 'followed job forgotten on unmount',
    story:
      '"Leave no storage behind": the jobs page drops the followed job\'s snapshot when it unmounts, as a remount or a visit elsewhere does.',
    edits: [
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: '  /** Called once the job is terminal: drop the snapshot after a short while. */',
        replace: `  useEffect(() => () => localStorage.removeItem(storageKeys.activeJob), []);

  /** Called once the job is terminal: drop the snapshot after a short while. */`,
      },
    ],
  },
  {
    name: 'memory-first token read',
    story:
      'A developer makes token reads prefer the in-memory copy and fall back to localStorage, as a cheap cache that still works before hydration.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Tokens are read from storage at the moment of each request, never from an in-memory copy (tokens rotated by another tab are never seen: this tab presents its spent refresh token and the api ends the whole sign-in).',
    },
    edits: [
      {
        file: 'app/web/src/auth/tokens.ts',
        find: `  access: () => stored(ACCESS, 'access'),
  refresh: () => stored(REFRESH, 'refresh'),`,
        replace: `  // The copy save() and hydrate() keep spares a synchronous storage read per request.
  access: () => memory?.access ?? stored(ACCESS, 'access'),
  refresh: () => memory?.refresh ?? stored(REFRESH, 'refresh'),`,
      },
    ],
  },
  {
    name: 'socket token read once per hook',
    story:
      'A developer reads the access token once when the socket effect starts rather than inside every onopen, as a tidy-up of the connect function.',
    blind: {
      family: 'longer',
      breaks:
        'Tokens are read from storage at the moment of each request (the live socket keeps sending the token it started with on every reconnect, even after the session was renewed, so it is refused until it gives up).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: '    let sentWith: string | null = null;',
        replace: '    let sentWith: string | null = tokens.access();',
      },
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `        sentWith = tokens.access();
`,
        replace: '',
      },
    ],
  },
  {
    name: 'auth store hydrated by the root',
    story:
      'A developer sets skipHydration on the persisted auth store and rehydrates it once from the root component, so localStorage is no longer read as a side effect of importing the module.',
    blind: {
      family: 'another-channel',
      breaks:
        "A hot update has nothing to lose; the guard and the client share one 'signed in' predicate (a hot update re-creates the store unhydrated while the root stays mounted, so the guard sees isAuthenticated false and sends a signed-in user to /login).",
    },
    edits: [
      {
        file: 'app/web/src/auth/store.ts',
        find: '      name: storageKeys.authStore,',
        replace: `      name: storageKeys.authStore,
      // Hydrated by the root as it mounts (App), not as a side effect of importing this module.
      skipHydration: true,`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: '  useState(tokens.hydrate);',
        replace: `  useState(tokens.hydrate);
  useState(authStore.persist.rehydrate);`,
      },
    ],
  },
] satisfies Regression[];
