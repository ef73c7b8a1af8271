// The harness's front door, for global setup and command-line tools: pick a mode, get the
// machine ready for it, start stacks, and publish the run's shared stack to the workers.
// Workers import only what attaches to a stack (stack.ts, stack-broker.ts), which stays light.
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOCKER_PROBE_MS, checkDockerHost, dockerClient } from './docker.ts';
import { type StackMode, requestedStackMode } from './env.ts';
import { HarnessError } from './errors.ts';
import { prepareContainers, reserveNetwork, startContainersStack } from './modes/containers.ts';
import { externalStackFacts, prepareExternal } from './modes/external.ts';
import { prepareLocal, startLocalStack } from './modes/local.ts';
import { repoRoot } from './paths.ts';
import { startBroker } from './stack-broker.ts';
import { type OwnStack, type StackFacts, type StackOptions, publishRunStack } from './stack.ts';
import { sweepContainers, sweepLocal } from './sweep.ts';

export interface ModeChoice {
  mode: StackMode;
  why: string;
}

export async function chooseStackMode(): Promise<ModeChoice> {
  const requested = requestedStackMode();
  if (requested === 'local' || requested === 'external') return { mode: requested, why: `E2E_STACK=${requested}` };
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

/** Sweeps what killed runs left, then makes the machine ready for `mode`. */
export async function prepareStack(mode: StackMode, log: (line: string) => void): Promise<void> {
  const swept = await sweepLocal();
  // Leftover containers are swept whenever an engine answers, whatever mode runs now.
  const client = await dockerClient(mode === 'containers' ? DOCKER_PROBE_MS : 1000);
  if (client) swept.push(...(await sweepContainers(client)));
  if (swept.length > 0) log(`swept leftovers of killed runs: ${swept.join(', ')}`);
  if (mode === 'containers') await prepareContainers(log);
  if (mode === 'local') await prepareLocal();
  if (mode === 'external') await prepareExternal();
}

/** Every stack started this run, one line each, so the run can say how many it booted. */
const bootLog = join(repoRoot, '.e2e', 'boots.log');

export async function startStack(mode: StackMode, options: StackOptions): Promise<OwnStack> {
  if (mode === 'external')
    throw new HarnessError('An external stack is never started or stopped from here: run this in containers or local mode.');
  const started = Date.now();
  const stack = await (mode === 'containers' ? startContainersStack(options) : startLocalStack(options));
  mkdirSync(dirname(bootLog), { recursive: true });
  appendFileSync(bootLog, `${options.label} ${((Date.now() - started) / 1000).toFixed(1)}\n`);
  return stack;
}

/**
 * Global setup: the run's shared stack, started here (or named, when external) and
 * published to the workers, and the broker of the run's own stack, started on demand.
 */
export async function startRunStacks(mode: StackMode): Promise<{ facts: StackFacts; shared: OwnStack | undefined; stop(): Promise<void> }> {
  rmSync(bootLog, { force: true });
  const shared = mode === 'external' ? undefined : await startStack(mode, { label: 'run' });
  const facts = shared?.facts ?? externalStackFacts();
  publishRunStack(facts);
  // Its network exists before any test runs (see reserveNetwork).
  const network = mode === 'containers' ? await reserveNetwork('own') : undefined;
  const broker = await startBroker(mode, () => startStack(mode, { label: 'own', network: network?.name }));
  return {
    facts,
    shared,
    stop: async () => {
      await Promise.all([broker.stop(), shared?.stop()]);
      await network?.remove();
    },
  };
}

/** The stacks this run started, with seconds to ready. */
export function bootsThisRun(): { label: string; seconds: number }[] {
  return readFileSync(bootLog, { encoding: 'utf8', flag: 'a+' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ label: line.split(' ')[0]!, seconds: Number(line.split(' ')[1]) }));
}

/** "stacks started: 2 (run 6.8 s, own 9.2 s)". */
export function bootSummary(): string {
  const boots = bootsThisRun();
  return `stacks started: ${boots.length}${boots.length ? ` (${boots.map(({ label, seconds }) => `${label} ${seconds} s`).join(', ')})` : ''}`;
}

export type { OwnStack, ServiceName, Stack, StackFacts } from './stack.ts';
export type { StackMode } from './env.ts';
export { HarnessError } from './errors.ts';
