// The jobs API: create (after the provider's moderation check), read, list, cancel.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { ApiErrorBody, CreateJobRequest } from '../../../shared/api-types.ts';
import type { AuthGuard } from '../auth/guard.ts';
import { bugOn } from '../bug-switches.ts';
import { memberReadable } from '../settings.ts';
import type { JobUpdates } from './live.ts';
import type { ProviderClient } from './provider.ts';
import { ProviderUnavailable } from './provider.ts';
import { BadCursor, type JobsRepository, UUID, cancellableStatuses, publicJob } from './repository.ts';
import { type GenerationQueue, QueueUnavailable } from './worker.ts';
import { routes } from '../../../shared/routes.ts';

// Postgres refuses anything else with an error: refuse it first, as a 400.
const uuid = { type: 'string', pattern: UUID.source } as const;

export function jobRoutes(
  app: FastifyInstance,
  deps: {
    guard: AuthGuard;
    jobs: JobsRepository;
    provider: ProviderClient;
    queue: GenerationQueue;
    updates: JobUpdates;
    clock: Clock;
    /** A job with no update for this long is failed as stuck. */
    stuckAfterMs: number;
    /** preHandler: refuses, with a 503, while a migration the worker needs is pending. */
    migrationsApplied: () => Promise<void>;
  },
) {
  const { guard, jobs } = deps;
  /** Before answering about jobs: stop the ones nothing is working on any more. */
  async function failStuck(request: FastifyRequest) {
    if (bugOn(request, 'stuck-after-internal-401')) return; // the original had no such check
    const user = guard.userOf(request);
    const stuck = await jobs.failStuck(user, await deps.clock.now(user.tenantId), deps.stuckAfterMs);
    for (const job of stuck) deps.updates.announce(job);
  }
  const notFound = (id: string) => ({ error: 'not_found', message: `No job ${id}` }) satisfies ApiErrorBody;

  app.post<{ Body: CreateJobRequest }>(
    routes.jobs,
    {
      preHandler: [guard.requireUser, deps.migrationsApplied],
      schema: {
        body: {
          type: 'object',
          required: ['prompt'],
          additionalProperties: false,
          properties: { prompt: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
      },
    },
    async (request, reply) => {
      const user = guard.userOf(request);
      try {
        const { flagged } = await deps.provider.moderate(request.body.prompt, { tenantId: user.tenantId });
        if (flagged)
          return reply.code(422).send({ error: 'bad_request', message: 'The prompt was refused by moderation.' } satisfies ApiErrorBody);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        request.log.warn({ err: error.message }, 'moderation unavailable');
        return reply.code(502).send({
          error: 'provider_unavailable',
          message: 'The generation provider is unavailable. Try again shortly.',
        } satisfies ApiErrorBody);
      }
      const job = await jobs.create(user, request.body.prompt);
      try {
        // Bug 'outage-unnoticed': the original waited on the queue with no deadline.
        const deadline = bugOn(request, 'outage-unnoticed') ? Number.POSITIVE_INFINITY : undefined;
        await deps.queue.enqueue(job.id, request.bugSwitches ? [...request.bugSwitches] : undefined, deadline);
      } catch (error) {
        if (!(error instanceof QueueUnavailable)) throw error;
        request.log.warn({ jobId: job.id }, 'job queue unavailable');
        // Nothing was queued, and the user is told so: the row would only be a phantom.
        await jobs.remove(job.id);
        return reply
          .code(503)
          .send({ error: 'queue_unavailable', message: 'New jobs cannot be queued right now. Try again shortly.' } satisfies ApiErrorBody);
      }
      return reply.code(201).send(publicJob(job));
    },
  );

  app.get<{ Querystring: { limit?: number; cursor?: string } }>(
    routes.jobs,
    {
      preHandler: guard.requireUser,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 100 }, cursor: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      try {
        await failStuck(request);
        const paging = bugOn(request, 'offset-pagination')
          ? 'offset'
          : bugOn(request, 'millisecond-cursor')
            ? 'millisecond-keyset'
            : 'keyset';
        return await jobs.page(guard.userOf(request), request.query.limit ?? 20, request.query.cursor, paging);
      } catch (error) {
        if (error instanceof BadCursor)
          return reply.code(400).send({ error: 'bad_request', message: error.message } satisfies ApiErrorBody);
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    routes.job,
    { preHandler: [guard.requireUser, memberReadable(guard)], schema: { params: { type: 'object', properties: { id: uuid } } } },
    async (request, reply) => {
      await failStuck(request);
      const job = await jobs.get(guard.userOf(request), request.params.id);
      return job ? publicJob(job) : reply.code(404).send(notFound(request.params.id));
    },
  );

  app.post<{ Params: { id: string } }>(
    routes.dismissJob,
    { preHandler: guard.requireUser, schema: { params: { type: 'object', properties: { id: uuid } } } },
    async (request, reply) => {
      const user = guard.userOf(request);
      if (await jobs.dismiss(user, request.params.id)) return reply.code(204).send();
      const job = await jobs.get(user, request.params.id);
      if (!job) return reply.code(404).send(notFound(request.params.id));
      return reply
        .code(422)
        .send({ error: 'bad_request', message: `Job is still ${job.status}; only finished jobs can be dismissed.` } satisfies ApiErrorBody);
    },
  );

  app.post<{ Params: { id: string } }>(
    routes.cancelJob,
    { preHandler: guard.requireUser, schema: { params: { type: 'object', properties: { id: uuid } } } },
    async (request, reply) => {
      const user = guard.userOf(request);
      const cancelled = await jobs.cancel(user, request.params.id);
      if (cancelled) {
        deps.updates.announce(cancelled);
        return publicJob(cancelled);
      }
      const job = await jobs.get(user, request.params.id);
      if (!job) return reply.code(404).send(notFound(request.params.id));
      // The job ended before the cancel arrived: say so, change nothing.
      return reply.code(422).send({
        error: 'job_not_cancellable',
        message: `Cannot cancel job with status '${job.status}'. Only ${cancellableStatuses.join(' and ')} jobs can be cancelled.`,
      } satisfies ApiErrorBody);
    },
  );
}
