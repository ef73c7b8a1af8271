// What every provider returns: plain facts about a running stack, and handles to stop,
// start or restart one service. Fixtures build on this; nothing here knows about tests.
import type { StackMode } from './env.ts';
import { HarnessError } from './errors.ts';

export const serviceNames = ['postgres', 'redis', 'api', 'web'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface ServiceHandle {
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** What the service printed so far (container logs or process output). */
  logs(): Promise<string>;
  /** Runs a command inside the service's container (containers mode only). */
  exec(command: string[]): Promise<{ exitCode: number; output: string }>;
  /** The container's own HEALTHCHECK verdict, e.g. "healthy" (containers mode only). */
  health(): Promise<string | undefined>;
}

export interface Stack {
  mode: StackMode;
  /** Origin of the web app, as the browser reaches it. */
  webUrl: string;
  /** Origin of the api, as the browser and the test process reach it. */
  apiUrl: string;
  /** Postgres and Redis, as the test process reaches them. */
  databaseUrl: string;
  redisUrl: string;
  services: Record<ServiceName, ServiceHandle>;
  /** Secret values this stack was started with; none may appear in logs or reports. */
  secrets: string[];
  stop(): Promise<void>;
}

/** exec and health for services that are not containers: a clear refusal. */
export function notAContainer(name: string, mode: StackMode): Pick<ServiceHandle, 'exec' | 'health'> {
  const refuse = async (): Promise<never> => {
    throw new HarnessError(`${name} is not a container in ${mode} mode; run this spec with E2E_STACK=containers.`);
  };
  return { exec: refuse, health: refuse };
}

export interface StackOptions {
  /** Short label for names and logs, e.g. "w0" for worker 0. */
  label: string;
  /** Where host ports come from; by default any free port of 127.0.0.1. */
  ports?: () => Promise<number>;
}
