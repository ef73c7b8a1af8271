// Whether a Docker engine answers, and which: Testcontainers' client, asked with a
// deadline, and DOCKER_HOST checked on its own when the user set it.
import { setTimeout as delay } from 'node:timers/promises';
import Docker from 'dockerode';
import { type ContainerRuntimeClient, getContainerRuntimeClient } from 'testcontainers';
import { HarnessError } from './errors.ts';

// Ryuk's image cannot be pulled everywhere; the suite removes its own containers and
// sweeps leftovers by label, so it does not depend on Ryuk. Set it to false to use Ryuk too.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

export const DOCKER_PROBE_MS = 4000;

/**
 * The host interface published ports bind to: loopback, so that a stack's Postgres, Redis
 * and test-mode api answer nobody else on the network, unless the engine is remote (its
 * ports must answer from here) or E2E_PUBLISH_HOST names another. Undefined: Docker's
 * default, every interface.
 */
export function publishHost(): string | undefined {
  const chosen = process.env.E2E_PUBLISH_HOST?.trim();
  if (chosen) return chosen;
  return /^(tcp|https?|ssh):/.test(process.env.DOCKER_HOST ?? '') ? undefined : '127.0.0.1';
}

// Testcontainers' own waits then knock on loopback too, not on the bridge's gateway it
// picks inside a container, where a loopback-bound port never answers.
if (publishHost() === '127.0.0.1') process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';

export async function dockerClient(timeoutMs = DOCKER_PROBE_MS): Promise<ContainerRuntimeClient | undefined> {
  const timeout = delay(timeoutMs, undefined, { ref: false });
  return Promise.race([getContainerRuntimeClient().catch(() => undefined), timeout]);
}

/** A DOCKER_HOST the user set must answer itself: Testcontainers would quietly fall back to the default socket. */
export async function checkDockerHost(): Promise<void> {
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
