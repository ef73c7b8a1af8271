// The harness's front door, for global setup and command-line tools: pick a mode, get the
// machine ready for it, start stacks, and publish the run's shared stack to the workers.
// Workers import only harness/worker.ts, which loads none of this (Testcontainers, the modes).
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOCKER_PROBE_MS, dockerClient } from './docker.ts';
import type { StackModeName } from './env.ts';
import { containersMode } from './modes/containers.ts';
import { externalMode } from './modes/external.ts';
import { localMode } from './modes/local.ts';
import type { StackMode } from './modes/mode.ts';
import { repoRoot } from './paths.ts';
import { startBroker } from './stack-broker.ts';
import { type OwnStack, type StackFacts, type StackOptions, publishRunStack } from './stack.ts';
import { sweepContainers, sweepLocal } from './sweep.ts';

export const stackModes: Record<StackModeName, StackMode> = { containers: containersMode, local: localMode, external: externalMode };

/** Sweeps what killed runs left, then makes the machine ready for `mode`. */
export async function prepareStack(mode: StackMode, log: (line: string) => void): Promise<void> {
  const swept = await sweepLocal();
  // Leftover containers are swept whenever an engine answers, whatever mode runs now.
  const client = await dockerClient(mode.usesDocker ? DOCKER_PROBE_MS : 1000);
  if (client) swept.push(...(await sweepContainers(client)));
  if (swept.length > 0) log(`swept leftovers of killed runs: ${swept.join(', ')}`);
  await mode.prepare(log);
}

/** Every stack started this run, one line each, so the run can say how many it booted. */
const bootLog = join(repoRoot, '.e2e', 'boots.log');

export async function startStack(mode: StackMode, options: StackOptions): Promise<OwnStack> {
  const started = Date.now();
  const stack = await mode.start(options);
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
  const run = await mode.runStacks((options) => startStack(mode, options));
  publishRunStack(run.facts);
  const broker = await startBroker(run.startOwn);
  return {
    facts: run.facts,
    shared: run.shared,
    stop: async () => {
      await Promise.all([broker.stop(), run.shared?.stop()]);
      await run.release?.();
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
export type { StackModeName } from './env.ts';
export { type ModeChoice, chooseStackMode } from './mode-choice.ts';
export type { StackMode } from './modes/mode.ts';
export { HarnessError } from './errors.ts';
