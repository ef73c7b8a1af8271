// Everything a stack starts is tagged with its owner: the worker process, named by pid
// and start time so a recycled pid is not mistaken for a live owner. Containers carry it
// as a label; local processes are listed in their stack's scratch folder. Killed runs
// leave tagged things behind; the sweep at the next start removes what dead owners left.
import { appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OWNER_LABEL = 'e2e-regression-suite.owner';
export const SUITE_LABEL = 'e2e-regression-suite';
/** Names the stack a container or network belongs to, so the stack's stop finds all of it. */
export const STACK_LABEL = 'e2e-regression-suite.stack';

/** Scratch space for local-mode data directories, one folder per stack. */
export const scratchRoot = join(tmpdir(), 'e2e-regression-suite');

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

export function ownerAlive(owner: string): boolean {
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
