// `npm run stack`: starts one stack for manual exploration, prints its URLs and a signed-in
// user, and stops it cleanly on Ctrl-C.
import { loadDotEnv } from './env.ts';
import { HarnessError } from './errors.ts';
import { chooseStackMode, prepareStack, startStack } from './index.ts';

async function main() {
  loadDotEnv();
  const { mode, why } = await chooseStackMode();
  console.log(`stack mode: ${mode} (${why})`);
  await prepareStack(mode, (line) => console.log(line));
  const started = Date.now();
  const stack = await startStack(mode, { label: 'cli' });
  const tenant = await fetch(`${stack.apiUrl}/api/v1/__test__/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'npm run stack' }),
  }).then((r) => r.json() as Promise<{ member: { email: string; password: string } }>);

  console.log(`
ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  web       ${stack.webUrl}
  api       ${stack.apiUrl}/api/v1/health
  postgres  ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  redis     ${stack.redisUrl}
  sign in   ${tenant.member.email} / ${tenant.member.password}   (a throwaway user)
Ctrl-C stops everything.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof HarnessError ? error.message : error);
  process.exit(1);
});
