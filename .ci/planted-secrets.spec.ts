// Run only by `node .ci/check-secrets.ts --prove-paths` (the secrets-proof project): puts
// real secrets of this run where the scrubber must catch them — printed to stdout and
// stderr, in an annotation, in a trace's network log — and, with E2E_PROVE_SCRUBBING=sigterm,
// waits there to be terminated mid-test.
import { expect, routes, test } from '../fixtures/index.ts';

test('planted secrets: printed, annotated and traced', async ({ publicApi, tenant, sessions }) => {
  const { accessToken, refreshToken } = await sessions.issue(tenant.member, 'valid');
  console.log(`planted on stdout: ${accessToken} ${tenant.member.password}`);
  console.error(`planted on stderr: ${refreshToken}`);
  test.info().annotations.push({ type: 'planted', description: `a token in an annotation: ${accessToken}` });
  const me = await publicApi.as({ accessToken }).get(routes.me);
  expect(me.status()).toBe(200);
  if (process.env.E2E_PROVE_SCRUBBING === 'sigterm') {
    console.log('planted: waiting for SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 25_000));
  }
});
