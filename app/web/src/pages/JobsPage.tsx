import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Job, isTerminal } from '../../../shared/api-types.ts';
import { ApiError, api } from '../api/client.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { usePersistedJob } from '../jobs/persisted-job.ts';
import { useRenderCount } from '../render-count.ts';
import { FEED_REFRESH_MS } from '../timers.ts';

/** A 429 blocks the form until its Retry-After has passed; it is shown, not retried. */
function useRateLimit() {
  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setUntil(null), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  const hit = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.status === 429) setUntil(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
  }, []);
  return { limitedFor: until === null ? null : Math.max(1, Math.ceil((until - Date.now()) / 1000)), hit };
}

export function JobsPage() {
  useRenderCount('JobsPage');
  const followed = usePersistedJob();
  const queryClient = useQueryClient();
  const rateLimit = useRateLimit();
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings, staleTime: Number.POSITIVE_INFINITY });

  const feed = useInfiniteQuery({
    queryKey: ['jobs'],
    queryFn: ({ pageParam }) => api.listJobs(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.jobs.some((job) => !isTerminal(job.status))) ? FEED_REFRESH_MS : false,
  });
  const rows = feed.data?.pages.flatMap((page) => page.jobs) ?? [];
  const latest = followed.job ? rows.find((row) => row.id === followed.job?.id) : undefined;

  const create = useMutation({
    mutationFn: (prompt: string) => api.createJob(prompt),
    onSuccess: async (job: Job) => {
      followed.follow(job);
      // A first feed load still in flight began before this job existed, and TanStack
      // answers an invalidation with that load when the feed has no data yet: cancel it,
      // or the new job is missing from the feed, which then has no reason to refresh.
      await queryClient.cancelQueries({ queryKey: ['jobs'] });
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: rateLimit.hit,
  });

  const dismiss = useMutation({
    mutationFn: (id: string) => api.dismissJob(id),
    onSuccess: (_, id) => {
      if (followed.job?.id === id) followed.forget();
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // The prompt stays while the job is being created (a failure keeps it to retry), and clears once it exists.
    create.mutate(String(new FormData(form).get('prompt')), { onSuccess: () => form.reset() });
  }

  return (
    <main>
      <h1>Jobs</h1>
      <form onSubmit={submit} aria-busy={create.isPending}>
        <label>
          Prompt <input name="prompt" required maxLength={settings.data?.maxPromptLength ?? 2000} />
        </label>
        {settings.data && <small>Up to {settings.data.maxPromptLength} characters.</small>}
        {settings.isError && <small>Could not load the generation settings: {settings.error.message}</small>}
        <button type="submit" disabled={create.isPending || rateLimit.limitedFor !== null}>
          Generate
        </button>
        {rateLimit.limitedFor !== null ? (
          <p role="alert">Too many requests. Try again in {rateLimit.limitedFor} s.</p>
        ) : (
          create.isError && <p role="alert">{(create.error as Error).message}</p>
        )}
      </form>

      {followed.job && (
        <JobProgress
          key={followed.job.id}
          snapshot={followed.job}
          latest={latest}
          onChange={followed.update}
          onFinished={followed.finish}
        />
      )}

      <h2>Your jobs</h2>
      {feed.isError && <p role="alert">Could not load your jobs: {feed.error.message}</p>}
      <ul aria-label="Your jobs">
        {rows.map((job, index) => (
          // Keyed by id, so a row keeps its element when jobs are inserted above it.
          <li key={bugOn(thisPage, 'rows-keyed-by-index') ? index : job.id} data-job-id={job.id}>
            {job.prompt}: {job.status}
            {job.error?.startsWith('Stuck:') && <strong> (stuck)</strong>}
            {job.status === 'failed' && (
              <button
                type="button"
                onClick={() => dismiss.mutate(job.id)}
                disabled={dismiss.isPending}
                aria-label={`Dismiss ${job.prompt}`}
              >
                Dismiss
              </button>
            )}
          </li>
        ))}
      </ul>
      {feed.hasNextPage && (
        <button type="button" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          Load more
        </button>
      )}
    </main>
  );
}
