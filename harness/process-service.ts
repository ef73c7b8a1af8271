// A service run as a child process (local mode): output captured for evidence, its own
// process group so stopping it takes its children too, and its pid reported for sweeping.
// A service that exits or never gets ready during start-up stops the wait at once, named,
// with the last lines of its own output; one that could not bind its port says which.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { HarnessError, PortInUse, lastLines } from './errors.ts';
import { type ServiceHandle, notAContainer } from './stack.ts';
import { waitUntil } from './wait.ts';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The port it listens on, to name it when taken. */
  port: number;
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** Run as this user (Postgres refuses root). */
  uid?: number;
  gid?: number;
  /** How it is asked to stop; SIGKILL follows after 5 s. */
  stopSignal?: NodeJS.Signals;
  /** Called with the pid of each process started, for the sweep registry. */
  onSpawn?: (pid: number) => void;
}

const MAX_LOG_CHARS = 2_000_000;
const BIND_FAILED = /EADDRINUSE|Address already in use|could not bind/i;

export function processService(spec: ProcessSpec): ServiceHandle & { killNow(): void } {
  let child: ChildProcess | undefined;
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
  };

  async function start() {
    if (child && child.exitCode === null) return;
    const startedAt = output.length;
    const proc = spawn(spec.command, spec.args, {
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
    });
    child = proc;
    if (proc.pid !== undefined) spec.onSpawn?.(proc.pid);
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
    const exited = once(proc, 'exit').then(([code, signal]) => {
      const own = output.slice(startedAt);
      if (BIND_FAILED.test(own)) throw new PortInUse(spec.name, spec.port);
      throw new HarnessError(`${spec.name} exited during start-up (${signal ?? `exit code ${code}`}). The last lines of its output:\n${lastLines(own)}`);
    });
    const spawnFailed = once(proc, 'error').then(([error]) => {
      throw new HarnessError(`Could not start ${spec.name} (${spec.command}): ${(error as Error).message}`);
    });
    exited.catch(() => {});
    spawnFailed.catch(() => {});
    const settled = new AbortController();
    try {
      await Promise.race([
        waitUntil(spec.name, spec.ready, spec.readyTimeoutMs ?? 30_000, {
          explain: async () => lastLines(output.slice(startedAt)),
          signal: settled.signal,
        }),
        exited,
        spawnFailed,
      ]);
    } finally {
      settled.abort();
    }
  }

  async function stop() {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
    const exited = once(proc, 'exit');
    process.kill(-proc.pid, spec.stopSignal ?? 'SIGTERM');
    const timer = setTimeout(() => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Synchronous, for process 'exit' handlers where nothing async runs any more. */
  function killNow() {
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  return {
    start,
    stop,
    killNow,
    restart: async () => {
      await stop();
      await start();
    },
    logs: async () => output,
    ...notAContainer(spec.name, 'local'),
  };
}
