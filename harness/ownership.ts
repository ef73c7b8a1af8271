// Everything a stack starts is tagged with its owner: the worker process, named by pid
// and start time so a recycled pid is not mistaken for a live owner, on this host and
// user. Containers carry both as labels; local processes are listed in their stack's
// scratch folder, in a folder only this user can write. Killed runs leave tagged things
// behind; the sweep at the next start removes what this host's and user's dead owners
// left, and nothing it cannot prove dead.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from './errors.ts';

export const OWNER_LABEL = 'e2e-regression-suite.owner';
export const SUITE_LABEL = 'e2e-regression-suite';
/** Names the stack a container or network belongs to, so the stack's stop finds all of it. */
export const STACK_LABEL = 'e2e-regression-suite.stack';
/** The host and user that started it: on a shared engine, another machine's pids mean nothing here. */
export const HOST_LABEL = 'e2e-regression-suite.host';

/**
 * This machine and user. The machine id alone is not enough (containers built from one
 * image share it), so the host name goes in too.
 */
export function hostIdentity(): string {
  const machine = existsSync('/etc/machine-id') ? readFileSync('/etc/machine-id', 'utf8').trim() : '';
  const host = createHash('sha256').update(`${machine}\n${hostname()}`).digest('hex').slice(0, 16);
  return `${host}:${userInfo().uid}`;
}

/** Whether this platform shows whether a process lives (Linux's /proc); without it, no owner is ever judged dead. */
export const canTellDeadOwners = () => existsSync('/proc/self/stat');

/** Scratch space for local-mode data directories, one folder per stack, per user. */
export const scratchRoot = join(tmpdir(), `e2e-regression-suite-${userInfo().uid}`);

/**
 * The scratch root, created if missing: only this user can list or write it (0711, not
 * 0700: as root, Postgres runs as its own user and must reach its data folder inside).
 * One that another user owns, or others can write to, is refused: a planted pids file
 * there would make this run kill what it names.
 */
export function ownScratchRoot(): string {
  mkdirSync(scratchRoot, { recursive: true, mode: 0o711 });
  const stat = statSync(scratchRoot);
  if (stat.uid !== userInfo().uid || (stat.mode & 0o066) !== 0) {
    throw new HarnessError(
      `${scratchRoot} is not this user's alone (owner uid ${stat.uid}, mode ${(stat.mode & 0o777).toString(8)}), so local mode will not trust what is in it. Remove it (rm -rf ${scratchRoot}) and run again.`,
    );
  }
  return scratchRoot;
}

/**
 * A new folder for one stack's files and processes (or a test's own entry points), named
 * <owner>.<label>-<random>: once its owner is dead, the sweep ends what it lists and removes it.
 */
export function newStackFolder(label: string, mode?: number): string {
  const dir = join(ownScratchRoot(), `${ownerId()}.${label}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode });
  return dir;
}

/** Start time of a running process; undefined once it has exited, zombie included. */
function startTicks(pid: number): string | undefined {
  try {
    // Fields 3 (state) and 22 of /proc/<pid>/stat; the command name (field 2) may contain
    // spaces. A killed worker stays a zombie until init reaps it, which can take seconds.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

export function ownerId(pid = process.pid): string {
  return `${pid}-${startTicks(pid) ?? '0'}`;
}

export function isRunning(pid: number): boolean {
  return startTicks(pid) !== undefined;
}

/** Alive unless shown dead: where /proc is missing, every owner counts as alive. */
export function ownerAlive(owner: string): boolean {
  if (!canTellDeadOwners()) return true;
  const [pid, ticks] = owner.split('-');
  return startTicks(Number(pid)) === ticks;
}

const PIDS_FILE = 'pids';

/** Lists a process in its stack folder, so a sweep can end it if the owner dies. */
export function recordProcess(stackDir: string, pid: number): void {
  appendFileSync(`${stackDir}/${PIDS_FILE}`, `${ownerId(pid)}\n`);
}

/** The recorded processes of a stack folder that still run (same pid, same start time). */
export function liveRecordedProcesses(stackDir: string): number[] {
  let text: string;
  try {
    text = readFileSync(`${stackDir}/${PIDS_FILE}`, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((entry) => entry && ownerAlive(entry))
    .map((entry) => Number(entry.split('-')[0]));
}
