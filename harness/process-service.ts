// A service run as a child process (local mode): output captured for evidence, its own
// process group so stopping it takes its children too, and its pid reported for sweeping.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { HarnessError } from './errors.ts';
import { type ServiceHandle, notAContainer } from './stack.ts';
import { waitUntil } from './wait.ts';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** Called with the pid of each process started, for the sweep registry. */
  onSpawn?: (pid: number) => void;
}

const MAX_LOG_CHARS = 2_000_000;

export function processService(spec: ProcessSpec): ServiceHandle & { killNow(): void } {
  let child: ChildProcess | undefined;
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
  };

  async function start() {
    if (child && child.exitCode === null) return;
    const proc = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    if (proc.pid !== undefined) spec.onSpawn?.(proc.pid);
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
    const exited = once(proc, 'exit').then(() => {
      throw new HarnessError(`${spec.name} exited during start-up (code ${proc.exitCode}):\n${output.slice(-2000)}`);
    });
    const spawnFailed = once(proc, 'error').then(([error]) => {
      throw new HarnessError(`Could not start ${spec.name} (${spec.command}): ${(error as Error).message}`);
    });
    exited.catch(() => {});
    spawnFailed.catch(() => {});
    await Promise.race([
      waitUntil(spec.name, spec.ready, spec.readyTimeoutMs ?? 30_000, async () => output.slice(-2000)),
      exited,
      spawnFailed,
    ]);
  }

  async function stop() {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
    const exited = once(proc, 'exit');
    process.kill(-proc.pid, 'SIGTERM');
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
