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
] satisfies Regression[];
