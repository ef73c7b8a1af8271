import type { Regression } from './index.ts';

export default [
  {
    name: 'refused trigger only logged',
    story: "A handler for the provider's 401 logs and returns.",
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: "if (bugOn({ bugSwitches }, 'stuck-after-internal-401')) return undefined;",
        replace: 'return undefined;',
      },
    ],
  },
  {
    name: 'stuck check compares the wrong way',
    story: 'The stuck-job threshold comparison is inverted.',
    edits: [
      { file: 'app/api/src/jobs/repository.ts', find: 'AND updated_at < $2 RETURNING *', replace: 'AND updated_at > $2 RETURNING *' },
    ],
  },
  {
    name: '401 retried as an outage',
    story: 'The provider client treats only 403 as refused credentials; a 401 is retried three times.',
    edits: [
      {
        file: 'app/api/src/jobs/provider.ts',
        find: 'if (response.status === 401 || response.status === 403) {',
        replace: 'if (response.status === 403) {',
      },
    ],
  },
  {
    name: 'dismissed jobs back in the feed',
    story: 'The feed query loses its dismissed filter.',
    edits: [
      { file: 'app/api/src/jobs/repository.ts', find: 'WHERE user_id = $1 AND dismissed_at IS NULL`', replace: 'WHERE user_id = $1`' },
    ],
  },
] satisfies Regression[];
