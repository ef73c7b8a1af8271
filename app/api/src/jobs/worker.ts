// The generation queue: BullMQ on Redis. The api enqueues a job id; the worker runs the
// generation with the provider and records every change in Postgres, then announces it.
// A provider outage throws, and BullMQ retries with backoff; the last failure marks the
// job failed with its reason, so no job stays "running" forever.
import { Queue, Worker } from 'bullmq';
import { within } from '../dependencies.ts';
import type { JobsRepository, StoredJob } from './repository.ts';
import { type GenerationState, type ProviderClient, ProviderLostGeneration, ProviderRefusedCredentials } from './provider.ts';
import { type BugSwitch, bugOn } from '../../../shared/bug-switches.ts';

export const QUEUE_NAME = 'generations';
const ATTEMPTS = 3;
const ENQUEUE_DEADLINE_MS = 2_000;

export class QueueUnavailable extends Error {}

/** The queue message. In test mode it carries the creating request's bug switches. */
interface GenerationMessage {
  jobId: string;
  bugSwitches?: BugSwitch[];
}

export interface QueueDeps {
  redisUrl: string;
  /** Lock and stalled-check period: how soon a job whose worker died runs again. */
  stalledMs: number;
  jobs: JobsRepository;
  provider: ProviderClient;
  announce(job: StoredJob): void;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

// BullMQ needs its own connections, which wait for Redis instead of failing fast.
const connectionOf = (redisUrl: string) => {
  const url = new URL(redisUrl);
  return { host: url.hostname, port: Number(url.port || 6379), password: url.password || undefined, maxRetriesPerRequest: null };
};

export function generationQueue(deps: QueueDeps) {
  const connection = connectionOf(deps.redisUrl);
  const queue = new Queue<GenerationMessage>(QUEUE_NAME, {
    connection,
    defaultJobOptions: {
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    },
  });

  /** Starts the provider generation; undefined when the provider refused it and the job is settled. */
  async function startGeneration(job: StoredJob, bugSwitches: BugSwitch[]): Promise<string | undefined> {
    try {
      return (await deps.provider.startGeneration(job.prompt, { tenantId: job.tenantId, jobId: job.id })).id;
    } catch (error) {
      if (!(error instanceof ProviderRefusedCredentials)) throw error;
      const key = deps.provider.keyInLogs(bugSwitches);
      deps.log.warn({ jobId: job.id, key, err: error.message }, 'generation refused: provider credentials');
      // Bug 'stuck-after-internal-401': the refused trigger was only logged; the job stayed running.
      if (bugOn({ bugSwitches }, 'stuck-after-internal-401')) return undefined;
      const failed = await deps.jobs.fail(
        job.id,
        'The generation provider refused our credentials. Nothing was generated; an operator has been alerted.',
      );
      if (failed) deps.announce(failed);
      return undefined;
    }
  }

  /**
   * The generation this run follows. BullMQ runs a job again when its lock lapses (a
   * Redis stall, a busy event loop) while the first run may still be working: the second
   * run resumes the generation the first one recorded, so the provider generates, and
   * bills, once. Bug 'trigger-every-run' starts a new one on every run.
   */
  async function generationFor(job: StoredJob, bugSwitches: BugSwitch[]): Promise<string | undefined> {
    const everyRun = bugOn({ bugSwitches }, 'trigger-every-run');
    if (job.generationId && !everyRun) return job.generationId;
    const started = await startGeneration(job, bugSwitches);
    if (!started || everyRun || (await deps.jobs.claimGeneration(job.id, started))) return started;
    // Another run recorded its generation first (or the job ended): follow what the row says.
    return (await deps.jobs.byId(job.id))?.generationId ?? undefined;
  }

  /** The provider moved a job that had already ended (cancelled, or stopped as stuck): its word is dropped. */
  const dropLate = (jobId: string, update: string) =>
    deps.log.info({ jobId, update }, 'late provider update dropped: the job had already ended');

  async function run({ jobId, bugSwitches = [] }: GenerationMessage) {
    const { jobs, provider, announce } = deps;
    const late = { wins: bugOn({ bugSwitches }, 'late-write-wins') };
    const wordEnds = bugOn({ bugSwitches }, 'provider-word-ends-job');
    const started = await jobs.start(jobId);
    if (!started) return; // cancelled, or already finished
    announce(started);
    let generationId = await generationFor(started, bugSwitches);
    if (!generationId) return;
    let progress = started.progress;
    for (;;) {
      let state: GenerationState;
      try {
        state = await provider.nextState(generationId);
      } catch (error) {
        if (!(error instanceof ProviderLostGeneration)) throw error;
        // A generation resumed after a restart may be gone at the provider: start it again,
        // unless the job ended or another run replaced it first.
        const forgotten = await jobs.forgetGeneration(jobId, generationId);
        if (!forgotten) return;
        deps.log.warn({ jobId }, 'generation lost at the provider: starting it again');
        generationId = await generationFor(forgotten, bugSwitches);
        if (!generationId) return;
        continue;
      }
      // Bug 'provider-word-ends-job': the original loop knew one word for a generation under
      // way, and read any other as its end.
      const ending = state.status === 'succeeded' || state.status === 'failed' || (wordEnds && state.status !== 'processing');
      if (ending) {
        const ended =
          state.status === 'succeeded'
            ? await jobs.complete(jobId, state.output, late)
            : await jobs.fail(jobId, 'error' in state ? state.error : `The provider said ${state.status}.`, late);
        if (!ended) return dropLate(jobId, state.status);
        announce(ended);
        return;
      }
      // Any other word means the provider is still at it: queued, started, processing, or one it added since.
      if (state.status === 'processing' && state.progress !== progress) {
        progress = state.progress;
        const updated = await jobs.progress(jobId, progress, late);
        if (!updated) return dropLate(jobId, 'progress');
        announce(updated);
        continue;
      }
      // Nothing new within the long-poll window; stop if the job ended meanwhile.
      const current = await jobs.byId(jobId);
      if (current?.status !== 'running') return;
    }
  }

  const worker = new Worker<GenerationMessage>(QUEUE_NAME, async (job) => run(job.data), {
    connection,
    // Generations mostly wait on the provider; many can share one process.
    concurrency: 32,
    lockDuration: deps.stalledMs,
    stalledInterval: deps.stalledMs,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    deps.log.warn({ jobId: job.data.jobId, attempt: job.attemptsMade, err: error.message }, 'generation attempt failed');
    if (job.attemptsMade < ATTEMPTS) return;
    // An event handler: a rejection here would be unhandled and end the process.
    // Users read job.error: it says what happened in our words; the provider's own is in the log above.
    deps.jobs.fail(job.data.jobId, `The generation provider failed ${ATTEMPTS} times. Nothing was generated; try again later.`).then(
      (failed) => failed && deps.announce(failed),
      (failure: Error) => deps.log.warn({ jobId: job.data.jobId, err: failure.message }, 'could not mark the job failed'),
    );
  });
  // The first run may still be working: generationFor() keeps the two on one generation.
  worker.on('stalled', (id) => deps.log.warn({ jobId: id }, 'generation stalled: its lock lapsed, so the queue runs it again'));
  worker.on('error', (error) => deps.log.warn({ err: error.message }, 'queue worker error'));

  return {
    /**
     * Queues a job, or throws QueueUnavailable within ENQUEUE_DEADLINE_MS: while Redis is
     * down, BullMQ would wait for it indefinitely and hold the user's request open.
     */
    enqueue: async (jobId: string, bugSwitches?: BugSwitch[], deadlineMs = ENQUEUE_DEADLINE_MS) => {
      const added = queue.add('generate', { jobId, bugSwitches }, { jobId });
      if (!Number.isFinite(deadlineMs)) return void (await added);
      // It may still land once Redis is back; run() then finds no job and skips it.
      if ((await within(deadlineMs, added)) === 'timed out') throw new QueueUnavailable('the job queue did not answer in time');
    },
    // Generations can wait minutes on the provider; shutdown does not wait for them.
    // BullMQ hands a job whose worker vanished to the next worker (stalled-job check),
    // and run() resumes it from Postgres.
    close: async () => {
      await worker.close(true);
      await queue.close();
    },
  };
}

export type GenerationQueue = ReturnType<typeof generationQueue>;
