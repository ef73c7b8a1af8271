// For .ci/check-bad-input.sh: a local stack whose first port choice is already held by
// another process, as when something binds a port between the harness choosing it and
// the service binding it. `once`: only the first choice is taken, and the stack must start
// on other ports. `always`: every choice is, and the start must fail naming the port.
import { createServer } from 'node:net';
import { HarnessError } from '../harness/errors.ts';
import { prepareStack, stackModes, startStack } from '../harness/index.ts';
import { freePort } from '../harness/ports.ts';

const held = createServer();
await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
const taken = (held.address() as { port: number }).port;
let chosen = 0;
const ports = async () => (process.argv[2] === 'always' || chosen++ === 0 ? taken : freePort());
try {
  await prepareStack(stackModes.local, () => {});
  const stack = await startStack(stackModes.local, { label: 'port-check', ports });
  console.log(`started on ${stack.apiUrl} after port ${taken} was taken`);
  await stack.stop();
} catch (error) {
  console.error(error instanceof HarnessError ? error.message : error);
  process.exitCode = 1;
} finally {
  held.close();
}
