// What the harness hands out. A Stack is plain facts and each service's output; a stack
// this process started (OwnStack) can also stop, start and restart its services. Facts
// are plain data, so the run's shared stack, started once by global setup, is attached to
// by every worker. Nothing here knows about tests.
import { readFile } from 'node:fs/promises';
import type { StackModeName } from './env.ts';
import { HarnessError } from './errors.ts';

export const serviceNames = ['postgres', 'redis', 'api', 'web'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Where a service's output can be read from any process. */
export type LogSource = { file: string } | { container: string };

export interface StackFacts {
  mode: StackModeName;
  /** Origin of the web app, as the browser reaches it. */
  webUrl: string;
  /** Origin of the api, as the browser and the test process reach it. */
  apiUrl: string;
  /** Postgres and Redis, as the test process reaches them. */
  databaseUrl: string;
  redisUrl: string;
  /** Secret values this stack was started with; none may appear in logs or reports. */
  secrets: string[];
  /** Test-hook calls carry it in x-e2e-hook-secret (also listed in secrets). */
  hookSecret: string;
  /** Absent for a stack someone else runs. */
  logSources?: Record<ServiceName, LogSource>;
}

/** Inside a service's container (containers mode only). */
export interface ContainerAccess {
  /** Runs a command in the container, as a neighbour or its own healthcheck would. */
  exec(service: ServiceName, command: string[]): Promise<{ exitCode: number; output: string }>;
  /** The image HEALTHCHECK's verdict, e.g. "healthy". */
  health(service: ServiceName): Promise<string | undefined>;
}

export interface Stack extends StackFacts {
  /** What the service printed so far; with `since` (epoch ms), from about then on (at least that). */
  logs(service: ServiceName, options?: { since?: number }): Promise<string>;
  /** Present in containers mode only. */
  containers?: ContainerAccess;
}

export const serviceActions = ['stop', 'start', 'restart', 'pause', 'resume'] as const;
export type ServiceAction = (typeof serviceActions)[number];

export interface ServiceControl extends Record<ServiceAction, () => Promise<void>> {
  stop(): Promise<void>;
  /** Returns once the service is ready again (a no-op on one that runs). */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Freezes it: its connections stay open and nothing answers, as a hung or partitioned host. */
  pause(): Promise<void>;
  /** Thaws a paused service; a no-op on one that is not paused. */
  resume(): Promise<void>;
}

/** A stack this process started, and must stop. */
export interface OwnStack extends Stack {
  facts: StackFacts;
  services: Record<ServiceName, ServiceControl>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Short label for names and logs, e.g. "run" for the run's shared stack. */
  label: string;
  /** Where host ports come from; by default any free port of 127.0.0.1. */
  ports?: () => Promise<number>;
  /** Containers mode: a network made beforehand (reserveNetwork), which the stack joins and leaves in place. */
  network?: string;
}

/** Docker frames each chunk of a container's output with an 8-byte header when there is no TTY. */
export function demux(buffer: Buffer): string {
  let text = '';
  for (let offset = 0; offset + 8 <= buffer.length;) {
    const size = buffer.readUInt32BE(offset + 4);
    text += buffer.subarray(offset + 8, offset + 8 + size).toString();
    offset += 8 + size;
  }
  return text;
}

/** A container by id; Testcontainers is loaded only when a container is asked for (workers start faster). */
async function containerById(id: string) {
  const { getContainerRuntimeClient } = await import('testcontainers');
  return (await getContainerRuntimeClient()).container.dockerode.getContainer(id);
}

const containerAccess = (logs: Record<ServiceName, LogSource>): ContainerAccess => {
  const container = async (service: ServiceName) => {
    const source = logs[service];
    if (!('container' in source)) throw new Error(`${service} is not a container`);
    return containerById(source.container);
  };
  return {
    async exec(service, command) {
      const exec = await (await container(service)).exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
      const stream = await exec.start({});
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const { ExitCode } = await exec.inspect();
      return { exitCode: ExitCode ?? -1, output: demux(Buffer.concat(chunks)) };
    },
    health: async (service) => (await (await container(service)).inspect()).State.Health?.Status,
  };
};

/** A Stack from facts: the run's shared stack as a worker sees it, or an own stack's read side. */
export function attachStack(facts: StackFacts): Stack {
  const sources = facts.logSources;
  const inContainers = sources !== undefined && Object.values(sources).every((source) => 'container' in source);
  return {
    ...facts,
    async logs(service, { since } = {}) {
      const source = sources?.[service];
      if (!source) return `(the ${service} log of an external stack is not collected)`;
      if ('file' in source) return readFile(source.file, 'utf8').catch(() => '');
      const container = await containerById(source.container);
      // Docker filters by whole seconds: a run's log is megabytes, a test's window is not.
      const from = since === undefined ? {} : { since: Math.floor(since / 1000) - 1 };
      return demux((await container.logs({ stdout: true, stderr: true, follow: false, ...from })) as Buffer);
    },
    ...(inContainers && sources ? { containers: containerAccess(sources) } : {}),
  };
}

const RUN_STACK = 'E2E_RUN_STACK';

/** Global setup: the run's shared stack, for the workers it spawns. */
export function publishRunStack(facts: StackFacts): void {
  process.env[RUN_STACK] = JSON.stringify(facts);
}

/** The run's shared stack's facts, once global setup has published them (always, in a worker). */
export function publishedRunStack(): StackFacts | undefined {
  const published = process.env[RUN_STACK];
  return published ? (JSON.parse(published) as StackFacts) : undefined;
}

/** In a worker: the run's shared stack. */
export function runStack(): Stack {
  const facts = publishedRunStack();
  if (!facts)
    throw new HarnessError(`No shared stack: ${RUN_STACK} is unset. Run the suite with npx playwright test, whose global setup starts it.`);
  return attachStack(facts);
}
