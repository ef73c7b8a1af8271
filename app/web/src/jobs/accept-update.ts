// Which update about a job may replace what the card shows. Every source goes through
// here (the persisted snapshot, the parent's props, polling, the socket), because any one
// of them can be late: an older updated_at, or an active status after a terminal one.
import { type Job, isTerminal } from '../../../shared/api-types.ts';
import { bugOn, thisPage } from '../bugs.ts';

export type UpdateSource = 'props' | 'poll' | 'socket' | 'cancel';

export function acceptUpdate(current: Job, next: Job, source: UpdateSource): Job {
  if (bugOn(thisPage, 'stale-job-snapshot')) return next;
  if (next.id !== current.id) return next;
  // Bug 'poll-ignores-updated-at': polling applied whatever arrived, in arrival order.
  const compared = !(source === 'poll' && bugOn(thisPage, 'poll-ignores-updated-at'));
  const age = Date.parse(next.updatedAt) - Date.parse(current.updatedAt);
  // The server moves updated_at forward on every change, so the same stamp is the same
  // version: keeping the current object spares a render.
  if (compared && age === 0) return current;
  const older = compared && age < 0;
  const reopened = isTerminal(current.status) && !isTerminal(next.status);
  if (older || reopened) {
    console.debug(
      `job ${next.id}: ignored ${source} update ${current.status} → ${next.status} (${older ? 'older' : 'reopens a finished job'})`,
    );
    return current;
  }
  return next;
}
