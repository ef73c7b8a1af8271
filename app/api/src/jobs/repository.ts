// Jobs in Postgres. Every transition is one conditional UPDATE, so two writers (the
// worker completing, a user cancelling) cannot both win: the loser's UPDATE matches no row.
import type pg from 'pg';
import type { Job, JobPage, JobStatus, User } from '../../../shared/api-types.ts';

interface JobRow {
  id: string;
  tenant_id: string;
  user_id: string;
  prompt: string;
  status: JobStatus;
  progress: number;
  result: string | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  generation_id: string | null;
}

export interface StoredJob extends Job {
  tenantId: string;
  userId: string;
  /** The provider generation this job follows, once a run has started one. */
  generationId: string | null;
}

const toJob = (row: JobRow): StoredJob => ({
  id: row.id,
  tenantId: row.tenant_id,
  userId: row.user_id,
  prompt: row.prompt,
  status: row.status,
  progress: row.progress,
  result: row.result,
  error: row.error,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  generationId: row.generation_id,
});

/** A job id as Postgres accepts it. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The wire shape: no owner ids, no provider ids. */
export const publicJob = ({ tenantId: _t, userId: _u, generationId: _g, ...job }: StoredJob): Job => job;

// Strictly increasing at millisecond precision (what clients compare), even for two
// updates within the same millisecond.
const TOUCH = `updated_at = greatest(clock_timestamp(), updated_at + interval '1 millisecond')`;
const ACTIVE = `status IN ('pending', 'running')`;

/** Bug 'late-write-wins' (`wins`): the original worker wrote what the provider said, whatever the job's status by then. */
export interface LateWrites {
  wins?: boolean;
}
const unlessLate = (guard: string, late: LateWrites) => (late.wins ? '' : `AND ${guard}`);

export const cancellableStatuses: readonly JobStatus[] = ['pending', 'running'];

// The cursor names the last row shown by its exact key. created_at holds microseconds,
// and a millisecond ISO string (what the wire's createdAt carries) would skip every row of
// the same millisecond just before it.
const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/;
function decodeCursor(cursor: string): [string, string] | undefined {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || !EXACT_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt)) || !UUID.test(id)) return undefined;
  return [createdAt, id];
}
/** created_at to the microsecond, in UTC: what the cursor carries. */
const EXACT_CREATED_AT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_exact`;

export class BadCursor extends Error {}

export function jobsRepository(db: pg.Pool) {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query<JobRow>(sql, params);
    return rows[0] ? toJob(rows[0]) : undefined;
  };

  return {
    create: (user: User, prompt: string) =>
      one('INSERT INTO jobs (tenant_id, user_id, prompt) VALUES ($1, $2, $3) RETURNING *', [
        user.tenantId,
        user.id,
        prompt,
      ]) as Promise<StoredJob>,

    /** A job as its owner sees it; undefined for anyone else's. */
    get: (user: User, id: string) => one('SELECT * FROM jobs WHERE id = $1 AND user_id = $2', [id, user.id]),

    byId: (id: string) => one('SELECT * FROM jobs WHERE id = $1', [id]),

    /**
     * Newest first, keyset-paginated: stable under inserts, unlike OFFSET. Bug
     * 'offset-pagination' pages by row count; bug 'millisecond-cursor' keys the cursor by
     * the millisecond createdAt.
     */
    async page(
      user: User,
      limit: number,
      cursor?: string,
      paging: 'keyset' | 'offset' | 'millisecond-keyset' = 'keyset',
    ): Promise<JobPage> {
      const feed = `SELECT *, ${EXACT_CREATED_AT} FROM jobs WHERE user_id = $1 AND dismissed_at IS NULL`;
      const order = 'ORDER BY created_at DESC, id DESC LIMIT $2';
      const offset = Number(cursor ?? 0) || 0;
      let query: [string, unknown[]];
      if (paging === 'offset') {
        query = [`${feed} ${order} OFFSET $3`, [user.id, limit + 1, offset]];
      } else {
        const after = cursor === undefined ? undefined : decodeCursor(cursor);
        if (cursor !== undefined && !after) throw new BadCursor('The cursor is not valid.');
        query = after
          ? [`${feed} AND (created_at, id) < ($3::timestamptz, $4::uuid) ${order}`, [user.id, limit + 1, ...after]]
          : [`${feed} ${order}`, [user.id, limit + 1]];
      }
      const { rows } = await db.query<JobRow & { created_at_exact: string }>(...query);
      const jobs = rows.slice(0, limit).map((row) => publicJob(toJob(row)));
      if (rows.length <= limit) return { jobs };
      const last = rows[limit - 1]!;
      const nextCursor =
        paging === 'offset'
          ? String(offset + limit)
          : encodeCursor(paging === 'millisecond-keyset' ? last.created_at.toISOString() : last.created_at_exact, last.id);
      return { jobs, nextCursor };
    },

    start: (id: string) => one(`UPDATE jobs SET status = 'running', ${TOUCH} WHERE id = $1 AND ${ACTIVE} RETURNING *`, [id]),

    /**
     * Records the generation a run started, if no run recorded one first; the loser of
     * that race reads the winner's back and follows it.
     */
    claimGeneration: (id: string, generationId: string) =>
      one(`UPDATE jobs SET generation_id = $2 WHERE id = $1 AND generation_id IS NULL AND status = 'running' RETURNING *`, [
        id,
        generationId,
      ]),

    /** Drops a generation the provider lost, so the next one can be recorded. */
    forgetGeneration: (id: string, generationId: string) =>
      one(`UPDATE jobs SET generation_id = NULL WHERE id = $1 AND generation_id = $2 AND status = 'running' RETURNING *`, [
        id,
        generationId,
      ]),

    // The worker's writes land only while the job is still running (fail: still active): a
    // cancel, or a stuck-job stop, that came first wins over whatever the provider says later.
    progress: (id: string, progress: number, late: LateWrites = {}) =>
      one(`UPDATE jobs SET progress = $2, ${TOUCH} WHERE id = $1 ${unlessLate("status = 'running'", late)} RETURNING *`, [id, progress]),

    complete: (id: string, result: string, late: LateWrites = {}) =>
      one(
        `UPDATE jobs SET status = 'completed', progress = 100, result = $2, ${TOUCH} WHERE id = $1 ${unlessLate("status = 'running'", late)} RETURNING *`,
        [id, result],
      ),

    fail: (id: string, error: string, late: LateWrites = {}) =>
      one(`UPDATE jobs SET status = 'failed', error = $2, ${TOUCH} WHERE id = $1 ${unlessLate(ACTIVE, late)} RETURNING *`, [id, error]),

    cancel: (user: User, id: string) =>
      one(`UPDATE jobs SET status = 'cancelled', ${TOUCH} WHERE id = $1 AND user_id = $2 AND ${ACTIVE} RETURNING *`, [id, user.id]),

    remove: async (id: string) => void (await db.query('DELETE FROM jobs WHERE id = $1', [id])),

    /** Hides a finished job from its owner's feed; the row stays. */
    dismiss: (user: User, id: string) =>
      one(`UPDATE jobs SET dismissed_at = now() WHERE id = $1 AND user_id = $2 AND NOT (${ACTIVE}) RETURNING *`, [id, user.id]),

    /**
     * Fails the user's jobs that made no progress for `thresholdMs` by `nowMs` (the api's
     * clock): a job nothing is working on must not look active forever.
     */
    async failStuck(user: User, nowMs: number, thresholdMs: number): Promise<StoredJob[]> {
      const { rows } = await db.query<JobRow>(
        `UPDATE jobs SET status = 'failed', error = $3, ${TOUCH}
          WHERE user_id = $1 AND ${ACTIVE} AND updated_at < $2 RETURNING *`,
        [user.id, new Date(nowMs - thresholdMs), `Stuck: no progress for ${Math.round(thresholdMs / 60_000)} minutes, so it was stopped.`],
      );
      return rows.map(toJob);
    },
  };
}

export type JobsRepository = ReturnType<typeof jobsRepository>;
