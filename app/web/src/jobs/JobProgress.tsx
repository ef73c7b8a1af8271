// The progress card for the followed job. It starts from the persisted snapshot, then
// takes updates from the parent (the feed), polling and the socket, all through
// acceptUpdate(). It opens a socket only once the server has confirmed the job is active.
import { useMutation, useQuery } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { type Job, isTerminal } from '../../../shared/api-types.ts';
import { ApiError, api } from '../api/client.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { useRenderCount } from '../render-count.ts';
import { JOB_POLL_MS } from '../timers.ts';
import { type UpdateSource, acceptUpdate } from './accept-update.ts';
import { useJobSocket } from './use-job-socket.ts';

interface Props {
  /** What the page remembered: shown at once, trusted for nothing. */
  snapshot: Job;
  /** The job as the feed last saw it. */
  latest?: Job;
  onChange(job: Job): void;
  /** Called when the job turns terminal; may return a cleanup. */
  onFinished(jobId: string): (() => void) | undefined;
}

/** Memoised: the parent re-renders on every feed refresh; the card only when its inputs change. */
export const JobProgress = memo(function JobProgress({ snapshot, latest, onChange, onFinished }: Props) {
  useRenderCount('JobProgress');
  const [job, setJob] = useState(snapshot);
  const [cancelError, setCancelError] = useState<string | null>(null);
  // Deleted elsewhere (by an admin, or retention): the api answers 404, and nothing is left
  // to follow or cancel. It ends the card as a finished job does.
  const [gone, setGone] = useState(false);
  const offer = useCallback((next: Job, source: UpdateSource) => setJob((current) => acceptUpdate(current, next, source)), []);
  const terminal = isTerminal(job.status) || gone;

  // Confirmed once the server (feed or poll) has spoken about this job: the snapshot alone
  // may be stale. Set together with the update, so no render sees one without the other.
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => {
    if (!latest) return;
    offer(latest, 'props');
    setConfirmed(true);
  }, [latest, offer]);

  const socket = useJobSocket(job, (confirmed || bugOn(thisPage, 'socket-from-snapshot')) && !terminal, (next) => offer(next, 'socket'));

  // Polling is the fallback: it stops while the socket is live and once the job has ended.
  const poll = useQuery({
    queryKey: ['job', job.id],
    queryFn: () => api.getJob(job.id),
    refetchInterval: terminal || socket === 'live' ? false : JOB_POLL_MS,
  });
  useEffect(() => {
    if (!poll.data) return;
    offer(poll.data, 'poll');
    setConfirmed(true);
  }, [poll.data, offer]);
  useEffect(() => {
    if (notFound(poll.error)) setGone(true);
  }, [poll.error]);

  // Tell the parent only when the job itself changed (setJob keeps the same object otherwise).
  useEffect(() => onChange(job), [job, onChange]);
  // Bug 'render-feedback-loop': the original card echoed a fresh copy to the parent on
  // every render, and took the parent's copy back as its state.
  const echo = bugOn(thisPage, 'render-feedback-loop');
  useLayoutEffect(() => (echo ? onChange({ ...job }) : undefined));
  useLayoutEffect(() => (echo ? setJob(snapshot) : undefined), [echo, snapshot]);
  useEffect(() => (terminal ? onFinished(job.id) : undefined), [terminal, job.id, onFinished]);

  const cancel = useMutation({
    mutationFn: () => api.cancelJob(job.id),
    retry: false,
    onMutate: () => setCancelError(null),
    onSuccess: (cancelled) => offer(cancelled, 'cancel'),
    onError: (error) => {
      if (bugOn(thisPage, 'cancel-forces-local-status')) {
        setJob((current) => ({ ...current, status: 'cancelled' }));
        return;
      }
      if (notFound(error)) {
        setGone(true);
        return;
      }
      // The server knows better: say why, then show what it holds.
      setCancelError(error.message);
      void poll.refetch();
    },
  });

  return (
    <section
      aria-label="Current job"
      data-testid="job-card"
      data-job-id={job.id}
      data-job-status={job.status}
      data-job-progress={job.progress}
      data-live={socket}
      aria-busy={cancel.isPending}
    >
      <h2>Current job</h2>
      <p>{job.prompt}</p>
      <p>
        Status: <strong>{gone ? 'removed' : job.status}</strong>
        {job.status === 'running' && !gone && ` (${job.progress}%)`}
      </p>
      {socket === 'polling' && <p role="status">Live updates are unavailable; checking for changes every few seconds.</p>}
      {job.result && <p>Result: {job.result}</p>}
      {job.error && <p>Failed: {job.error}</p>}
      {!terminal && (
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {cancel.isPending ? 'Cancelling…' : 'Cancel job'}
        </button>
      )}
      {cancelError && <p role="alert">{cancelError}</p>}
      {gone && <p role="alert">This job no longer exists. It was removed elsewhere.</p>}
    </section>
  );
});

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;
