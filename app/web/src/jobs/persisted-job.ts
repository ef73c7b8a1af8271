// The job the jobs page follows, kept in localStorage so a reload shows it at once. The
// snapshot is only a first paint: the card confirms it with the server, and it leaves
// storage shortly after the job ends so it cannot resurface later.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../../shared/api-types.ts';
import { storageKeys } from '../../../shared/storage-keys.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { SNAPSHOT_CLEAR_MS } from '../timers.ts';

function read(): Job | null {
  try {
    return JSON.parse(localStorage.getItem(storageKeys.activeJob) ?? 'null') as Job | null;
  } catch {
    return null;
  }
}

export function usePersistedJob() {
  const [job, setJob] = useState<Job | null>(read);
  const finished = useRef<string | null>(null);

  useEffect(() => {
    if (job && finished.current !== job.id) localStorage.setItem(storageKeys.activeJob, JSON.stringify(job));
  }, [job]);

  /** Called once the job is terminal: drop the snapshot after a short while. */
  const finish = useCallback((jobId: string) => {
    if (bugOn(thisPage, 'snapshot-never-cleared')) return;
    const timer = setTimeout(() => {
      finished.current = jobId;
      if (read()?.id === jobId) localStorage.removeItem(storageKeys.activeJob);
    }, SNAPSHOT_CLEAR_MS);
    return () => clearTimeout(timer);
  }, []);

  const follow = useCallback((next: Job) => {
    finished.current = null;
    setJob(next);
  }, []);

  /** Stop following: the job leaves the page and storage. */
  const forget = useCallback(() => {
    localStorage.removeItem(storageKeys.activeJob);
    setJob(null);
  }, []);

  return { job, update: setJob, follow, finish, forget };
}
