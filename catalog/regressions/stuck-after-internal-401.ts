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
  {
    name: 'provider 401 retried like an outage',
    story:
      'After seeing the provider answer 401 briefly during a key rotation, a developer classes 401 with the 5xx answers as worth retrying.',
    blind: {
      family: 'second-time',
      breaks:
        'A refused trigger fails its job with a visible reason, without retries: the refused trigger is retried three times with backoff and the job ends with the generic "failed 3 times" message instead of the credentials reason.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/provider.ts',
        find: '    if (response.status >= 500) throw new ProviderUnavailable(',
        replace: `    // A 401 also comes while the provider rotates keys on its side: retry it like an outage.
    if (response.status >= 500 || response.status === 401) throw new ProviderUnavailable(`,
      },
    ],
  },
  {
    name: 'single-job read no longer stops stuck jobs',
    story:
      'GET /jobs/:id is polled every 2 s by each card, so a developer keeps it a pure read without an UPDATE and leaves the stuck check to the feed listing.',
    blind: {
      family: 'another-way-in',
      breaks:
        'a job with no update for 2 minutes is stopped as stuck: a client that polls the job itself (no feed) sees it running forever.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/routes.ts',
        find: `      await failStuck(request);
      const job = await jobs.get(guard.userOf(request), request.params.id);`,
        replace: `      // A pure read: it is polled every 2 s; the feed's listing stops stuck jobs.
      const job = await jobs.get(guard.userOf(request), request.params.id);`,
      },
    ],
  },
  {
    name: 'stuck check bounded to a recent window',
    story:
      'To let the stuck-job UPDATE use a narrow range on updated_at, someone bounds it to the last ten minutes, assuming anything older was stopped by an earlier read.',
    blind: {
      family: 'longer',
      breaks:
        'a job with no update for 2 minutes is stopped as stuck: a job nobody read for more than about 12 minutes (the incident saw 3 to 22) is never stopped and shows running forever.',
    },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'WHERE user_id = $1 AND ${ACTIVE} AND updated_at < $2 RETURNING *`,',
        replace:
          "WHERE user_id = $1 AND ${ACTIVE} AND updated_at < $2 AND updated_at > $2::timestamptz - interval '10 minutes' RETURNING *`,",
      },
    ],
  },
  {
    name: 'dismiss deletes the row',
    story: 'A retention cleanup notices dismissed rows are never read again and makes dismiss delete the job instead of hiding it.',
    blind: { family: 'another-channel', breaks: 'finished jobs can be dismissed, and the rows stay: dismissing now deletes the job row.' },
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'one(`UPDATE jobs SET dismissed_at = now() WHERE id = $1 AND user_id = $2 AND NOT (${ACTIVE}) RETURNING *`, [id, user.id]),',
        replace: 'one(`DELETE FROM jobs WHERE id = $1 AND user_id = $2 AND NOT (${ACTIVE}) RETURNING *`, [id, user.id]),',
      },
    ],
  },
  {
    name: 'dismiss offered only for stuck rows',
    story: 'A UX tweak shows the Dismiss button only on stuck phantoms, so ordinary failures stay visible as a record.',
    blind: {
      family: 'another-way-in',
      breaks:
        'finished jobs can be dismissed: a job failed by the refused trigger (not by the stuck check) has no Dismiss button and stays in the feed.',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: "            {job.status === 'failed' && (",
        replace: "            {job.error?.startsWith('Stuck:') && (",
      },
    ],
  },
] satisfies Regression[];
