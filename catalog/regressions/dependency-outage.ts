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
  {
    name: 'no banner for degraded',
    story:
      'Support reports users alarmed by the banner during Redis blips, so the banner is hidden while health is only degraded (polling covers live updates).',
    blind: { family: 'another-channel', breaks: 'the page shows a banner: with Redis down (degraded) the page shows none.' },
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: "  if (!status || status === 'ok') return null;",
        replace: `  // A degraded backend (Redis) is invisible enough: polling covers live updates.
  const quiet = health.data?.status === 'degraded';
  if (!status || status === 'ok' || quiet) return null;`,
      },
    ],
  },
  {
    name: 'queue deadline raised to 30 s',
    story: 'Spurious 503s on job creation during a slow Redis under load lead someone to raise the enqueue deadline to 30 s.',
    blind: {
      family: 'longer',
      breaks:
        "job creation gives up on the queue after 2 s with a clear message: with Redis gone the request hangs 30 s (past most proxies' timeouts) before saying anything.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/worker.ts',
        find: 'const ENQUEUE_DEADLINE_MS = 2_000;',
        replace: `// Redis under load can take a while to acknowledge; do not refuse jobs too eagerly.
const ENQUEUE_DEADLINE_MS = 30_000;`,
      },
    ],
  },
  {
    name: 'redis reconnects capped',
    story:
      'To stop the endless reconnect noise while Redis is gone, a developer gives the shared Redis connection a retryStrategy that gives up after ten tries.',
    blind: {
      family: 'longer',
      breaks:
        'everything reconnects on its own: after about 11 s of Redis down the shared connection never reconnects, and health, rate limits and the login throttle stay without Redis until a restart.',
    },
    edits: [
      {
        file: 'app/api/src/dependencies.ts',
        find: '  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });',
        replace: `  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    // Give up after ten tries instead of reconnecting (and logging) forever.
    retryStrategy: (times) => (times > 10 ? null : Math.min(times * 200, 2_000)),
  });`,
      },
    ],
  },
  {
    name: 'redis command timeout dropped',
    story:
      'BGSAVE pauses tripped the 1 s command timeout and refused sign-ins through the login throttle, so someone drops commandTimeout, reasoning that health has its own deadline.',
    blind: {
      family: 'another-way-in',
      breaks:
        'the app no longer hangs with a dependency gone: a paused or partitioned Redis (accepts, never answers) makes every rate-limited request hang instead of failing open.',
    },
    edits: [
      {
        file: 'app/api/src/dependencies.ts',
        find: '{ maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: REDIS_COMMAND_TIMEOUT_MS }',
        replace: '{ maxRetriesPerRequest: 1, enableOfflineQueue: false }',
      },
    ],
  },
  {
    name: 'subscribe once',
    story:
      "Noticing ioredis re-subscribes by itself on reconnect (autoResubscribe), a developer subscribes only on the first 'ready' to avoid a double subscription.",
    blind: {
      family: 'second-time',
      breaks:
        "everything reconnects on its own: after Redis comes back the first time, 'listening' stays false, so health stays degraded ('live updates not subscribed') and sockets are never resynced.",
    },
    edits: [
      {
        file: 'app/api/src/jobs/live.ts',
        find: "  subscriber.on('ready', () => {",
        replace: `  // Once: ioredis re-subscribes by itself after a reconnect (autoResubscribe).
  subscriber.once('ready', () => {`,
      },
    ],
  },
] satisfies Regression[];
