// `npm run stack`: starts one stack for exploring by hand, prints ready-to-paste lines for
// it and a throwaway user, and stops it on Ctrl-C, SIGTERM or SIGHUP, or when the process
// that started it ends: a stack never outlives its terminal or its npm.
import { HOOK_SECRET_HEADER } from '../app/shared/api-types.ts';
import { loadDotEnv } from './env.ts';
import { HarnessError } from './errors.ts';
import { chooseStackMode, prepareStack, stackModes, startStack } from './index.ts';
import type { OwnStack } from './stack.ts';
import { hookRoutes, routes } from '../app/shared/routes.ts';

let stack: OwnStack | undefined;
let stopping = false;
async function stop(why: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${why}: stopping…`);
  await stack?.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
// npm does not always pass its own end on (a SIGKILL never is): an orphan stops itself.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop('the process that started it ended'), 500);

async function main() {
  loadDotEnv();
  const { mode: name, why } = await chooseStackMode();
  console.log(`stack mode: ${name} (${why})`);
  const mode = stackModes[name];
  await prepareStack(mode, (line) => console.log(line));
  const started = Date.now();
  stack = await startStack(mode, { label: 'cli' });
  if (stopping) return void (await stack.stop());
  const tenant = await fetch(`${stack.apiUrl}${hookRoutes.tenants}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HOOK_SECRET_HEADER]: stack.hookSecret },
    body: JSON.stringify({ name: 'npm run stack' }),
  }).then((r) => r.json() as Promise<{ member: { email: string; password: string } }>);

  // Everything here is throwaway and local, and dies with the stack: shown in full.
  console.log(`
ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Paste what you need:
  open ${stack.webUrl}/login        sign in as ${tenant.member.email} / ${tenant.member.password}
  curl ${stack.apiUrl}${routes.health}
  psql '${stack.databaseUrl}'
  redis-cli -u ${stack.redisUrl}
Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof HarnessError ? error.message : error);
  process.exit(1);
});
