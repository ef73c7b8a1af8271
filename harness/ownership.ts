// Everything a stack starts is tagged with its owner: the worker process, named by pid
// and start time so a recycled pid is not mistaken for a live owner. Killed runs leave
// tagged things behind; sweep() at the next start removes what belongs to dead owners.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OWNER_ENV = 'E2E_STACK_OWNER';
export const OWNER_LABEL = 'e2e-regression-suite.owner';
export const SUITE_LABEL = 'e2e-regression-suite';

/** Scratch space for local-mode data directories, one folder per owner. */
export const scratchRoot = join(tmpdir(), 'e2e-regression-suite');

function startTicks(pid: number): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function ownerId(pid = process.pid): string {
  return `${pid}-${startTicks(pid) ?? '0'}`;
}

export function ownerAlive(owner: string): boolean {
  const [pid, ticks] = owner.split('-');
  return startTicks(Number(pid)) === ticks;
}
