// Which stack mode a run uses, decided once: playwright.config.ts chooses it and hands it to
// global setup as metadata; global setup publishes it with the shared stack's facts. The
// config is evaluated in every worker too, and there those facts say it: nothing probes
// Docker twice, and E2E_STACK stays as the user set it. Light to import: Docker's client
// is loaded only when there is something to probe.
import type { FullConfig } from '@playwright/test';
import { type StackModeName, requestedStackMode, stackModeNames } from './env.ts';
import { HarnessError } from './errors.ts';
import { publishedRunStack } from './stack.ts';

export interface ModeChoice {
  mode: StackModeName;
  why: string;
}

/** E2E_STACK, else containers when a Docker engine answers, else local. */
export async function chooseStackMode(): Promise<ModeChoice> {
  const requested = requestedStackMode();
  if (requested === 'local' || requested === 'external') return { mode: requested, why: `E2E_STACK=${requested}` };
  const { DOCKER_PROBE_MS, checkDockerHost, dockerClient } = await import('./docker.ts');
  await checkDockerHost();
  if (requested === 'containers') {
    if (!(await dockerClient())) {
      throw new HarnessError(
        `E2E_STACK=containers but no Docker engine answered within ${DOCKER_PROBE_MS / 1000} s. Start Docker (npm run setup does where it can), set DOCKER_HOST, or run E2E_STACK=local.`,
      );
    }
    return { mode: 'containers', why: 'E2E_STACK=containers' };
  }
  return (await dockerClient())
    ? { mode: 'containers', why: 'a Docker engine answered' }
    : { mode: 'local', why: `no Docker engine answered within ${DOCKER_PROBE_MS / 1000} s` };
}

export interface StackModeMetadata {
  stackMode: ModeChoice;
}

/** For the config's metadata: chosen in the runner, read from the published facts in a worker. */
export async function stackModeMetadata(): Promise<StackModeMetadata> {
  const published = publishedRunStack();
  return { stackMode: published ? { mode: published.mode, why: 'published by global setup' } : await chooseStackMode() };
}

/** In global setup: the mode the config chose. */
export function chosenStackMode(config: FullConfig): ModeChoice {
  const choice = (config.metadata as Partial<StackModeMetadata>).stackMode;
  if (!choice || !(stackModeNames as readonly string[]).includes(choice.mode))
    throw new HarnessError(`${config.configFile ?? 'The config'} chose no stack mode: its metadata must carry stackModeMetadata().`);
  return choice;
}
