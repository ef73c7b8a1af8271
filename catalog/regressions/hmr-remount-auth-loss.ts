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
] satisfies Regression[];
