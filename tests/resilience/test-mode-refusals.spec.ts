// Test mode opens hooks that read every issued password, so it is asked for twice:
// E2E_TEST_MODE=1 and NODE_ENV=test, with a hook secret. A staging deployment that copied
// one variable must not start with hooks open: it refuses, in one line that says why.
import { expect, test } from '../../fixtures/index.ts';

const base = {
  // Loopback only, should a regression accept one of these and start serving.
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://app:unused@127.0.0.1:9/app',
  REDIS_URL: 'redis://127.0.0.1:9',
  WEB_ORIGIN: 'http://127.0.0.1:9',
  JWT_SECRET: 'j'.repeat(32),
  PROVIDER_URL: 'https://provider.invalid',
  PROVIDER_API_KEY: 'unused',
  E2E_TEST_MODE: '1',
  E2E_HOOK_SECRET: 'h'.repeat(32),
};

const refusals: { name: string; env: Record<string, string>; line: RegExp }[] = [
  { name: 'NODE_ENV unset', env: base, line: /E2E_TEST_MODE=1 is refused unless NODE_ENV=test \(it is unset\)/ },
  { name: 'NODE_ENV=production', env: { ...base, NODE_ENV: 'production' }, line: /refused unless NODE_ENV=test \(it is 'production'\)/ },
  { name: 'NODE_ENV=staging', env: { ...base, NODE_ENV: 'staging' }, line: /refused unless NODE_ENV=test \(it is 'staging'\)/ },
  { name: 'no hook secret', env: { ...base, NODE_ENV: 'test', E2E_HOOK_SECRET: '' }, line: /E2E_HOOK_SECRET is required/ },
  {
    name: 'a short hook secret',
    env: { ...base, NODE_ENV: 'test', E2E_HOOK_SECRET: 'short' },
    line: /E2E_HOOK_SECRET must be at least 32/,
  },
];

for (const { name, env, line } of refusals) {
  test(`a staging-like start (${name}) refuses test mode in one line`, async ({ apiStartup }) => {
    const { exitCode, output } = await apiStartup.attempt(env);
    expect(exitCode, `the api must exit, not serve; it printed:\n${output}`).toBe(1);
    expect(output.trim().split('\n'), 'one line, naming the cause').toEqual([expect.stringMatching(line)]);
  });
}
