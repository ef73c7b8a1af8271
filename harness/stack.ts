// What every provider returns: plain facts about a running stack, and handles to stop,
// start or restart one service. Fixtures build on this; nothing here knows about tests.
import type { StackMode } from './env.ts';

export const serviceNames = ['postgres', 'redis', 'api', 'web'] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface ServiceHandle {
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** What the service printed so far (container logs or process output). */
  logs(): Promise<string>;
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
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Short label for names and logs, e.g. "w0" for worker 0. */
  label: string;
}
