// The harness's front door: pick a mode, get the machine ready for it, start stacks.
import { execFileSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import Docker from 'dockerode';
import { type ContainerRuntimeClient, ImageName, getContainerRuntimeClient } from 'testcontainers';
import { type StackMode, requestedStackMode } from './env.ts';
import { HarnessError } from './errors.ts';
import { buildAppImages, images } from './images.ts';
import { webDistDir, repoRoot } from './paths.ts';
import { startContainersStack } from './providers/containers.ts';
import { checkExternalStack, connectExternalStack } from './providers/external.ts';
import { startLocalStack } from './providers/local.ts';
import type { Stack, StackOptions } from './stack.ts';
import { sweepContainers, sweepLocal } from './sweep.ts';

// Ryuk's image cannot be pulled everywhere; the suite removes its own containers and
// sweeps leftovers by label, so it does not depend on Ryuk. Set it to false to use Ryuk too.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

const DOCKER_PROBE_MS = 4000;

export async function dockerClient(timeoutMs = DOCKER_PROBE_MS): Promise<ContainerRuntimeClient | undefined> {
  const timeout = delay(timeoutMs, undefined, { ref: false });
  return Promise.race([getContainerRuntimeClient().catch(() => undefined), timeout]);
}

export interface ModeChoice {
  mode: StackMode;
  why: string;
}

/** A DOCKER_HOST the user set must answer itself: Testcontainers would quietly fall back to the default socket. */
async function checkDockerHost(): Promise<void> {
  const host = process.env.DOCKER_HOST;
  if (!host) return;
  try {
    await new Docker({ timeout: DOCKER_PROBE_MS }).ping();
  } catch (error) {
    throw new HarnessError(
      `DOCKER_HOST=${host} does not answer (${(error as Error).message.split('\n')[0]}). Start the engine it names, point DOCKER_HOST at one that runs, or unset it to use this machine's default socket (or run E2E_STACK=local).`,
    );
  }
}

export async function chooseStackMode(): Promise<ModeChoice> {
  const requested = requestedStackMode();
  if (requested !== 'local' && requested !== 'external') await checkDockerHost();
  if (requested === 'containers') {
    if (!(await dockerClient())) {
      throw new HarnessError(
        `E2E_STACK=containers but no Docker engine answered within ${DOCKER_PROBE_MS / 1000} s. Start Docker (or set DOCKER_HOST), or run E2E_STACK=local.`,
      );
    }
    return { mode: 'containers', why: 'E2E_STACK=containers' };
  }
  if (requested) return { mode: requested, why: `E2E_STACK=${requested}` };
  return (await dockerClient())
    ? { mode: 'containers', why: 'a Docker engine answered' }
    : { mode: 'local', why: `no Docker engine answered within ${DOCKER_PROBE_MS / 1000} s` };
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function ensureImage(client: ContainerRuntimeClient, name: string, envVar: string) {
  const image = ImageName.fromString(name);
  if (await client.image.exists(image)) return;
  try {
    await client.image.pull(image);
  } catch (error) {
    throw new HarnessError(
      `Image ${name} is not on this machine and could not be pulled (${(error as Error).message.split('\n')[0]}). ` +
        `Mirror it, or point ${envVar} at an image you have; where no registry is reachable, .ci/provision/images.sh builds stand-ins from Debian packages.`,
    );
  }
}

/** Makes the machine ready for `mode` (images, web build, prerequisites) and sweeps what killed runs left. */
export async function prepareStack(mode: StackMode, log: (line: string) => void): Promise<void> {
  const swept = await sweepLocal();
  // Leftover containers are swept whenever an engine answers, whatever mode runs now.
  const client = await dockerClient(mode === 'containers' ? DOCKER_PROBE_MS : 1000);
  if (client) swept.push(...(await sweepContainers(client)));
  if (mode === 'containers') {
    if (!client) throw new HarnessError('The Docker engine stopped answering.');
    await ensureImage(client, images.postgres(), 'E2E_POSTGRES_IMAGE');
    await ensureImage(client, images.redis(), 'E2E_REDIS_IMAGE');
    if (!process.env.E2E_API_IMAGE || !process.env.E2E_WEB_IMAGE) await ensureImage(client, images.node(), 'E2E_NODE_IMAGE');
    const started = Date.now();
    const built = await buildAppImages(client);
    if (built.length > 0) log(`built ${built.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (mode === 'local') {
    if (!onPath('redis-server')) {
      throw new HarnessError(
        'E2E_STACK=local needs redis-server on PATH and none was found. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), or use E2E_STACK=containers.',
      );
    }
    const { build } = await import('vite');
    process.env.VITE_TEST_HOOKS = 'on';
    await build({ configFile: `${repoRoot}/app/web/vite.config.ts`, logLevel: 'warn', build: { outDir: webDistDir } });
  }
  if (mode === 'external') await checkExternalStack();
  if (swept.length > 0) log(`swept leftovers of killed runs: ${swept.join(', ')}`);
}

export function startStack(mode: StackMode, options: StackOptions): Promise<Stack> {
  switch (mode) {
    case 'containers':
      return startContainersStack(options);
    case 'local':
      return startLocalStack(options);
    case 'external':
      return connectExternalStack();
  }
}

export type { Stack, ServiceName, ServiceHandle } from './stack.ts';
export type { StackMode } from './env.ts';
export { HarnessError } from './errors.ts';
