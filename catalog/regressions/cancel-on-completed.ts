import type { Regression } from './index.ts';

export default [
  {
    name: 'optimistic cancel',
    story: '"Feels faster": the card shows cancelled as soon as the button is clicked.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'onMutate: () => setCancelError(null),',
        replace: `onMutate: () => {
      setCancelError(null);
      setJob((current) => ({ ...current, status: 'cancelled' }));
    },`,
      },
    ],
  },
  {
    name: 'cancel without the active guard',
    story: 'A rewrite of the cancel query drops the status condition, so a finished job is overwritten.',
    edits: [
      {
        file: 'app/api/src/jobs/repository.ts',
        find: 'WHERE id = $1 AND user_id = $2 AND ${ACTIVE} RETURNING *`, [id, user.id]),',
        replace: 'WHERE id = $1 AND user_id = $2 RETURNING *`, [id, user.id]),',
      },
    ],
  },
  {
    name: 'refused cancel not re-read',
    story: '"The server said no, nothing changed": the card stops asking the server after a refused cancel.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: `      setCancelError(error.message);
      void poll.refetch();`,
        replace: '      setCancelError(error.message);',
      },
    ],
  },
  {
    name: 'refusal shown as a generic message',
    story: "A friendlier error replaces the server's reason.",
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'setCancelError(error.message);',
        replace: "setCancelError('Something went wrong.');",
      },
    ],
  },
  {
    name: 'Cancel kept after a refusal',
    story: '"Let them try again": the button stays while an error shows, even on a job that has finished.',
    edits: [{ file: 'app/web/src/jobs/JobProgress.tsx', find: '{!terminal && (', replace: '{(!terminal || cancelError) && (' }],
  },
  {
    name: 'dropped connection shown raw',
    story: 'A cleanup of send() removes the catch around fetch: a lost connection reads as the browser\'s "Failed to fetch".',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `  return fetch(apiUrl(path), { ...init, headers }).catch(() => {
    throw new Unreachable();
  });`,
        replace: '  return fetch(apiUrl(path), { ...init, headers });',
      },
    ],
  },
  {
    name: 'server reasons hidden on a 5xx',
    story: '"Never show a server error\'s text": every 5xx becomes a bare status, including the 503 that says what to do.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "if (!response.ok) throw new ApiError(response.status, body as Partial<ApiErrorBody>, response.headers.get('retry-after'));",
        replace: `if (!response.ok)
    throw new ApiError(response.status, response.status >= 500 ? {} : (body as Partial<ApiErrorBody>), response.headers.get('retry-after'));`,
      },
    ],
  },
  {
    name: 'a removed job shown cancelled',
    story: '"A deleted job is as good as cancelled": a 404 on cancel marks the card cancelled.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: `        setGone(true);
        return;`,
        replace: `        setJob((current) => ({ ...current, status: 'cancelled' }));
        return;`,
      },
    ],
  },
  {
    name: 'a 404 treated as any refusal',
    story: 'A cleanup folds the not-found branch into the generic refusal: the server\'s "No job <id>" shows.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: `      if (notFound(error)) {
        setGone(true);
        return;
      }
`,
        replace: '',
      },
    ],
  },
  {
    name: 'Cancel offered by status alone',
    story: '"The button is for active jobs": it reads the job\'s status, which a removed job keeps.',
    edits: [{ file: 'app/web/src/jobs/JobProgress.tsx', find: '{!terminal && (', replace: '{!isTerminal(job.status) && (' }],
  },
  {
    name: 'socket kept for a removed job',
    story: '"The socket is for active jobs": it is enabled by the job\'s status alone.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "&& !terminal, (next) => offer(next, 'socket'));",
        replace: "&& !isTerminal(job.status), (next) => offer(next, 'socket'));",
      },
    ],
  },
  {
    name: 'removed job still polled',
    story: 'Polling is made to stop on finished statuses only, so a removed job is asked about every 2 s.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "refetchInterval: terminal || socket === 'live' ? false : JOB_POLL_MS,",
        replace: "refetchInterval: isTerminal(job.status) || socket === 'live' ? false : JOB_POLL_MS,",
      },
    ],
  },
  {
    name: 'removed job kept in storage',
    story: 'Only a finished status hands the job back to the page, so a removed one stays followed across reloads.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'useEffect(() => (terminal ? onFinished(job.id) : undefined), [terminal, job.id, onFinished]);',
        replace: 'useEffect(() => (isTerminal(job.status) ? onFinished(job.id) : undefined), [job.status, job.id, onFinished]);',
      },
    ],
  },
  {
    name: 'removed job shows its last status',
    story: '"Show what the server last said": the card keeps the running status under the removed message.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "Status: <strong>{gone ? 'removed' : job.status}</strong>",
        replace: 'Status: <strong>{job.status}</strong>',
      },
    ],
  },
  {
    name: 'socket closed only while connecting',
    story: 'A cleanup refactor keeps the deferred close for a connecting socket and drops the plain close as redundant.',
    edits: [
      {
        file: 'app/web/src/jobs/use-job-socket.ts',
        find: `      else socket.close();
`,
        replace: '',
      },
    ],
  },
  {
    name: 'optimistic cancel stamped now',
    story:
      "A developer makes Cancel feel instant with an optimistic 'cancelled' state, stamped with the current time so a late poll cannot flip it back to running while the request is in flight.",
    blind: {
      family: 'another-channel',
      breaks:
        "The status stays what the server holds (the refused cancel leaves the local 'cancelled' in place: the refresh's completed job is older than the optimistic stamp and is ignored).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: '    onMutate: () => setCancelError(null),',
        replace: `    onMutate: () => {
      setCancelError(null);
      // Optimistic: show the cancel at once, stamped now so a late poll cannot bring "running" back.
      setJob((current) => ({ ...current, status: 'cancelled', updatedAt: new Date().toISOString() }));
    },`,
      },
    ],
  },
  {
    name: 'cancel error hidden once the job ended',
    story: 'A developer hides the cancel error once the job is terminal, treating it as stale alongside the button it belongs to.',
    blind: {
      family: 'longer',
      breaks:
        "A refused cancel shows the server's message inline (the refresh that follows turns the job terminal, and the message disappears almost at once).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: '      {cancelError && <p role="alert">{cancelError}</p>}',
        replace: '      {cancelError && !terminal && <p role="alert">{cancelError}</p>}',
      },
    ],
  },
  {
    name: 'idempotent cancel answers 200',
    story:
      'A developer makes the cancel endpoint idempotent: cancelling a job that already ended answers 200 with the job as it stands instead of a 422.',
    blind: {
      family: 'another-channel',
      breaks:
        "A refused cancel shows the server's message inline (the server no longer refuses with a message, so the user is never told why the cancel did nothing).",
    },
    edits: [
      {
        file: 'app/api/src/jobs/routes.ts',
        find: `      // The job ended before the cancel arrived: say so, change nothing.
      return reply.code(422).send({
        error: 'job_not_cancellable',
        message: \`Cannot cancel job with status '\${job.status}'. Only \${cancellableStatuses.join(' and ')} jobs can be cancelled.\`,
      } satisfies ApiErrorBody);`,
        replace: `      // Idempotent: a job that already ended is answered as it stands; nothing changes.
      return publicJob(job);`,
      },
    ],
  },
  {
    name: 'not-cancellable treated like gone',
    story:
      "A developer folds the 'job_not_cancellable' refusal into the 404 branch, reasoning that either way the job is out of the user's hands and the card should end.",
    blind: {
      family: 'another-way-in',
      breaks:
        "A refused cancel shows the server's message inline, then refreshes the job from the server; the status stays what the server holds (the card says 'removed' with no message and no refresh).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: '      if (notFound(error)) {',
        replace: `      // Out of our hands (finished or removed): end the card.
      if (notFound(error) || (error instanceof ApiError && error.code === 'job_not_cancellable')) {`,
      },
    ],
  },
] satisfies Regression[];
