import type { Regression } from './index.ts';

export default [
  {
    name: 'snapshot taken as confirmed',
    story: '"The snapshot came from the server anyway": the card starts out confirmed.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: 'const [confirmed, setConfirmed] = useState(false);',
        replace: 'const [confirmed, setConfirmed] = useState(true);',
      },
    ],
  },
  {
    name: 'the snapshot never leaves storage',
    story: 'A change to the clearing timer forgets to remove the snapshot.',
    edits: [
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: 'if (read()?.id === jobId) localStorage.removeItem(storageKeys.activeJob);',
        replace: 'void read();',
      },
    ],
  },
  {
    name: 'socket opened from the snapshot',
    story: '"Connect at once for snappier updates": the socket no longer waits for the server to confirm the job.',
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: "(confirmed || bugOn(thisPage, 'socket-from-snapshot')) && !terminal",
        replace: '!terminal',
      },
    ],
  },
  {
    name: 'job query seeded with the snapshot',
    story:
      "A developer seeds the card's job query with the persisted snapshot as initialData so the query cache is warm and agrees with the card from the first render.",
    blind: {
      family: 'another-channel',
      breaks:
        "No socket opens until the server confirms the job is active (the snapshot comes back as poll data, counts as the server's confirmation, and a socket opens for a job the server may already have finished).",
    },
    edits: [
      {
        file: 'app/web/src/jobs/JobProgress.tsx',
        find: '    queryFn: () => api.getJob(job.id),',
        replace: `    queryFn: () => api.getJob(job.id),
    // Seeded with what the page remembered, so the cache is warm from the first render.
    initialData: snapshot,`,
      },
    ],
  },
  {
    name: 'only completed counts as final',
    story:
      'A developer relaxes the terminal-to-active rule to completed jobs only, because the worker retries failed runs and a failed job may legitimately come back as running.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Terminal-to-active is ignored (a failed or cancelled job can be flipped back to pending/running by a later update, which also re-enables its socket).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/accept-update.ts',
        find: '  const reopened = isTerminal(current.status) && !isTerminal(next.status);',
        replace: `  // Only a completed job is final: the worker retries failed runs, and they come back as running.
  const reopened = current.status === 'completed' && !isTerminal(next.status);`,
      },
    ],
  },
  {
    name: 'finished snapshot kept for five minutes',
    story:
      "A developer keeps the finished job's snapshot for five minutes so users who reload shortly after a job ends still see its result at once.",
    blind: { family: 'longer', breaks: 'The snapshot leaves storage 10 s after a terminal status.' },
    edits: [
      {
        file: 'app/web/src/timers.ts',
        find: 'export const SNAPSHOT_CLEAR_MS = 10_000;',
        replace: 'export const SNAPSHOT_CLEAR_MS = 5 * 60_000;',
      },
    ],
  },
  {
    name: 'snapshot clear scheduled once per page',
    story:
      'A developer guards finish() so the clear timer is scheduled only once, after seeing the card call onFinished again as it re-rendered terminal.',
    blind: {
      family: 'second-time',
      breaks:
        'The snapshot leaves storage 10 s after a terminal status (only for the first job of the page: the next job followed on the same page keeps its finished snapshot in storage for good).',
    },
    edits: [
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: '  const finished = useRef<string | null>(null);',
        replace: `  const finished = useRef<string | null>(null);
  const clearing = useRef(false);`,
      },
      {
        file: 'app/web/src/jobs/persisted-job.ts',
        find: '    const timer = setTimeout(() => {',
        replace: `    if (clearing.current) return;
    clearing.current = true;
    const timer = setTimeout(() => {`,
      },
    ],
  },
  {
    name: 'followed job passed as latest while the feed loads',
    story:
      "A developer falls back to the followed job as the card's 'latest' when its row is not in the feed yet (first load, or beyond the first page), so the card always has a parent copy.",
    blind: {
      family: 'another-way-in',
      breaks:
        "No socket opens until the server confirms the job is active (the remembered snapshot arrives as the parent's prop, is taken as the server's confirmation, and the socket opens from the snapshot).",
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: '  const latest = followed.job ? rows.find((row) => row.id === followed.job?.id) : undefined;',
        replace: `  // Until the feed has its row (first load, or beyond the first page), the followed job is the latest we know.
  const latest = followed.job ? (rows.find((row) => row.id === followed.job?.id) ?? followed.job) : undefined;`,
      },
    ],
  },
] satisfies Regression[];
