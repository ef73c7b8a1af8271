// A service run as a child process (local mode's services, the entry points a test starts
// itself). Its output goes straight to a file, which any process can read (a worker reading
// the run's shared stack). It runs in its own process group, so stopping it takes its
// children too, and its pid is reported for sweeping. A service that exits or never gets
// ready during start-up stops the wait at once, named, with the last lines of its own
// output; one that could not bind its port says which. runProcess runs one to its end.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { HarnessError, PortInUse, lastLines } from './errors.ts';
import type { ServiceControl } from './stack.ts';
import { waitUntil } from './wait.ts';

export interface CommandSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where its output goes (appended across restarts). */
  logFile: string;
  /** Run as this user (Postgres refuses root). */
  uid?: number;
  gid?: number;
  /** Called with the pid of each process started, for the sweep registry. */
  onSpawn?: (pid: number) => void;
}

export interface ProcessSpec extends CommandSpec {
  /** The port it listens on, to name it when taken. */
  port: number;
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** How it is asked to stop; SIGKILL follows after 5 s. */
  stopSignal?: NodeJS.Signals;
}

const BIND_FAILED = /EADDRINUSE|Address already in use|could not bind/i;

/** Starts it as the leader of its own process group, its output appended to its log file. */
function spawnLogged(spec: CommandSpec): ChildProcess {
  const log = openSync(spec.logFile, 'a');
  const proc = spawn(spec.command, spec.args, {
    env: spec.env,
    detached: true,
    stdio: ['ignore', log, log],
    ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
  });
  closeSync(log);
  if (proc.pid !== undefined) spec.onSpawn?.(proc.pid);
  return proc;
}

/** SIGKILL to its whole group, if any of it is left. */
function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const spawnFailure = (proc: ChildProcess, spec: CommandSpec) =>
  once(proc, 'error').then(([error]) => {
    throw new HarnessError(`Could not start ${spec.name} (${spec.command}): ${(error as Error).message}`);
  });

/** Runs it to its end, as a command: its exit code, or null when it ran past `timeoutMs` and was killed. */
export async function runProcess(spec: CommandSpec, timeoutMs: number): Promise<number | null> {
  const proc = spawnLogged(spec);
  const killer = setTimeout(() => proc.pid !== undefined && killGroup(proc.pid), timeoutMs);
  try {
    const [code] = (await Promise.race([once(proc, 'exit'), spawnFailure(proc, spec)])) as [number | null];
    return code;
  } finally {
    clearTimeout(killer);
  }
}

export function processService(spec: ProcessSpec): ServiceControl & { killNow(): void } {
  let child: ChildProcess | undefined;
  const output = async (from = 0) => (await readFile(spec.logFile, 'utf8').catch(() => '')).slice(from);

  async function start() {
    // Running until it exits or a signal ends it (one that needed SIGKILL has no exit code).
    if (child && child.exitCode === null && child.signalCode === null) return;
    const startedAt = statSync(spec.logFile, { throwIfNoEntry: false })?.size ?? 0;
    const proc = spawnLogged(spec);
    child = proc;
    const exited = once(proc, 'exit').then(async ([code, signal]) => {
      const own = await output(startedAt);
      if (BIND_FAILED.test(own)) throw new PortInUse(spec.name, spec.port);
      throw new HarnessError(
        `${spec.name} exited during start-up (${signal ?? `exit code ${code}`}). The last lines of its output:\n${lastLines(own)}`,
      );
    });
    const spawnFailed = spawnFailure(proc, spec);
    exited.catch(() => {});
    spawnFailed.catch(() => {});
    const settled = new AbortController();
    try {
      await Promise.race([
        waitUntil(spec.name, spec.ready, spec.readyTimeoutMs ?? 30_000, {
          explain: async () => lastLines(await output(startedAt)),
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
    process.kill(-proc.pid, 'SIGCONT'); // a paused service handles its stop signal only once thawed
    const timer = setTimeout(() => killGroup(proc.pid!), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Synchronous, for process 'exit' handlers where nothing async runs any more. */
  function killNow() {
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child.pid);
  }

  /**
   * SIGSTOP or SIGCONT to its process group and every descendant: Postgres's backends each
   * start their own session, out of the group's reach. Parents first, so none forks meanwhile.
   */
  function signalTree(signal: NodeJS.Signals) {
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid, signal);
    for (const pid of descendants(child.pid)) {
      try {
        process.kill(pid, signal);
      } catch {
        // exited meanwhile
      }
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
    pause: async () => signalTree('SIGSTOP'),
    resume: async () => signalTree('SIGCONT'),
  };
}

/** Every process below pid, parents before children, from /proc (local mode runs on Linux). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}
