import type { Regression } from './index.ts';

export default [
  {
    name: 'rate limiter fails closed',
    story: '"Do not serve unlimited": the rate limiter stops skipping on a Redis error.',
    edits: [{ file: 'app/api/src/rate-limit.ts', find: 'skipOnError: true,', replace: 'skipOnError: false,' }],
  },
  {
    name: 'queue waited on without a deadline',
    story: 'The enqueue deadline is dropped in a refactor.',
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: 'if (!Number.isFinite(deadlineMs)) return void (await added);',
        replace: 'return void (await added);',
      },
    ],
  },
  {
    name: 'refused connection not a dependency failure',
    story: 'The network codes lose ECONNREFUSED.',
    edits: [{ file: 'app/api/src/dependencies.ts', find: "new Set(['ECONNREFUSED', 'ECONNRESET',", replace: "new Set(['ECONNRESET'," }],
    onlyIn: 'local',
  },
  {
    name: 'failed name lookup not a dependency failure',
    story: '"A name that does not resolve is a config error, not an outage": the network codes lose ENOTFOUND and EAI_AGAIN.',
    edits: [{ file: 'app/api/src/dependencies.ts', find: "'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']", replace: "'EPIPE']" }],
    onlyIn: 'containers',
  },
  {
    name: 'Redis down reads as ok',
    story: 'Health reports degraded Redis as ok.',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: `        : checks.redis.status === 'down'
          ? 'degraded'
          : 'ok';`,
        replace: "        : 'ok';",
      },
    ],
  },
] satisfies Regression[];
