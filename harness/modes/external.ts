// external: a stack someone else runs (staging). URLs come from the environment; it is
// checked once before any test, and never started, stopped or restarted from here.
import { Redis } from 'ioredis';
import pg from 'pg';
import { HarnessError } from '../errors.ts';
import type { StackFacts } from '../stack.ts';
import type { StackMode } from './mode.ts';
import { routes } from '../../app/shared/routes.ts';

const required = ['E2E_WEB_URL', 'E2E_API_URL', 'E2E_DATABASE_URL', 'E2E_REDIS_URL', 'E2E_HOOK_SECRET'] as const;

function externalStackSettings() {
  const missing = required.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new HarnessError(
      `E2E_STACK=external needs ${missing.join(', ')} (the deployed web and api origins, Postgres and Redis URLs the tests may read, and the E2E_HOOK_SECRET its api was started with).`,
    );
  }
  const env = process.env as Record<(typeof required)[number], string>;
  return {
    webUrl: env.E2E_WEB_URL,
    apiUrl: env.E2E_API_URL,
    databaseUrl: env.E2E_DATABASE_URL,
    redisUrl: env.E2E_REDIS_URL,
    hookSecret: env.E2E_HOOK_SECRET,
  };
}

/** What external mode needs: once, before any test, each of the four answers, or the run stops naming those that do not. */
async function prepareExternal(): Promise<void> {
  const { webUrl, apiUrl, databaseUrl, redisUrl } = externalStackSettings();
  const http = async (url: string) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) }).catch((error: Error & { cause?: Error }) => {
      throw error.cause ?? error; // fetch says only "fetch failed"; its cause says why
    });
    if (response.status >= 500) throw new Error(`answered ${response.status}`);
  };
  const checks: [string, string, () => Promise<unknown>][] = [
    ['E2E_API_URL', `${apiUrl}${routes.health}`, () => http(`${apiUrl}${routes.health}`)],
    ['E2E_WEB_URL', webUrl, () => http(webUrl)],
    [
      'E2E_DATABASE_URL',
      new URL(databaseUrl).host,
      async () => {
        const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
        client.on('error', () => {});
        await client.connect();
        await client.end();
      },
    ],
    [
      'E2E_REDIS_URL',
      new URL(redisUrl).host,
      async () => {
        const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
        let cause: Error | undefined;
        redis.on('error', (error: Error) => (cause ??= error));
        try {
          await redis.connect().catch((error: Error) => {
            throw cause ?? error;
          });
          await redis.ping();
        } finally {
          redis.disconnect();
        }
      },
    ],
  ];
  const failed = (
    await Promise.all(
      checks.map(async ([name, where, check]) =>
        check().then(
          () => '',
          (error: Error) => `  ${name}: ${where} ${error.message.split('\n')[0]}`,
        ),
      ),
    )
  ).filter(Boolean);
  if (failed.length > 0) {
    throw new HarnessError(
      `E2E_STACK=external: the stack does not answer, so no test ran.\n${failed.join('\n')}\nCheck the URLs and that the stack is up (its api with E2E_TEST_MODE=1, NODE_ENV=test and E2E_HOOK_SECRET).`,
    );
  }
}

/** A deployed stack's facts: no logs to read, and of its secrets only the hook secret is ours to know. */
function externalStackFacts(): StackFacts {
  const settings = externalStackSettings();
  return { mode: 'external', ...settings, secrets: [settings.hookSecret] };
}

export const externalMode: StackMode = {
  name: 'external',
  usesDocker: false,
  prepare: prepareExternal,
  start: async () => {
    throw new HarnessError('An external stack is never started or stopped from here: run this in containers or local mode.');
  },
  // Only named: the shared stack is the deployed one, and there is no own stack to lend.
  runStacks: async () => ({ facts: externalStackFacts() }),
};
