// Test mode only: MSW, inside the api process, answers the generation provider's HTTP
// API. It is the stack's one mock: everything else is real. Behaviour is per tenant (each
// test has its own), so tests running in parallel never see each other's scripts:
//   - by default a generation runs to completion at once (one progress step, then output);
//   - `hold` keeps each generation queued until the test sends it steps: a phase (queued,
//     started), progress (processing), or an ending;
//   - `moderation: 'unavailable'` answers the moderation check with 503;
//   - `moderation: 'malformed'` answers it with a body that is not JSON, which the api
//     cannot handle: a real crash path, for specs about 500s;
//   - `credentials: 'reject'` refuses to start generations with 401, as for a missing key,
//     quoting the key cut short, as real providers do.
import { randomUUID } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ProviderScript, ProviderStep } from '../../shared/api-types.ts';
import type { GenerationState, ProviderMetadata } from './jobs/provider.ts';

interface Generation {
  tenantId: string;
  jobId?: string;
  prompt: string;
  state: GenerationState;
}

const LONG_POLL_MS = 20_000;

export function providerStandIn(providerUrl: string) {
  const scripts = new Map<string, ProviderScript>();
  const generations = new Map<string, Generation>();
  const generationOfJob = new Map<string, string>();
  // How many generations each job started: a job that started two was triggered twice.
  const startedForJob = new Map<string, { tenantId: string; count: number }>();
  // Steps a test sent for a held job, queued until the worker's next long poll takes them.
  const steps = new Map<string, ProviderStep[]>();
  const waiters = new Map<string, () => void>();
  // Steps a worker's poll has taken: the test's proof that the worker heard what the provider said.
  const stepsTaken = new Map<string, number>();

  const wake = (jobId: string) => {
    const generationId = generationOfJob.get(jobId);
    const waiter = generationId && waiters.get(generationId);
    if (waiter) waiter();
  };

  function apply(generation: Generation, step: ProviderStep) {
    if ('phase' in step) generation.state = { status: step.phase };
    else if ('progress' in step) generation.state = { status: 'processing', progress: step.progress };
    else if ('complete' in step) generation.state = { status: 'succeeded', output: step.complete };
    else generation.state = { status: 'failed', error: step.fail };
  }

  const server = setupServer(
    http.post(`${providerUrl}/v1/moderations`, async ({ request }) => {
      const { metadata } = (await request.json()) as { metadata: ProviderMetadata };
      const moderation = scripts.get(metadata.tenantId)?.moderation;
      if (moderation === 'unavailable') return HttpResponse.json({ error: 'overloaded' }, { status: 503 });
      if (moderation === 'malformed')
        return HttpResponse.text('<html>upstream hiccup</html>', { headers: { 'content-type': 'application/json' } });
      return HttpResponse.json({ flagged: false });
    }),

    http.post(`${providerUrl}/v1/generations`, async ({ request }) => {
      const { prompt, metadata } = (await request.json()) as { prompt: string; metadata: ProviderMetadata };
      if (scripts.get(metadata.tenantId)?.credentials === 'reject') {
        // As real providers answer: the key it refused, cut short. Our logs must not repeat it.
        const key = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
        const message = `Incorrect API key provided: ${key.slice(0, 8)}…${key.slice(-4)}`;
        return HttpResponse.json({ error: { code: 'invalid_api_key', message } }, { status: 401 });
      }
      const id = `gen_${randomUUID()}`;
      generations.set(id, { tenantId: metadata.tenantId, jobId: metadata.jobId, prompt, state: { status: 'queued' } });
      if (metadata.jobId) {
        generationOfJob.set(metadata.jobId, id);
        const count = (startedForJob.get(metadata.jobId)?.count ?? 0) + 1;
        startedForJob.set(metadata.jobId, { tenantId: metadata.tenantId, count });
      }
      return HttpResponse.json({ id }, { status: 202 });
    }),

    http.get(`${providerUrl}/v1/generations/:id`, async ({ params }) => {
      const id = String(params.id);
      const generation = generations.get(id);
      if (!generation) return HttpResponse.json({ error: 'not_found' }, { status: 404 });
      const { jobId } = generation;
      if (!scripts.get(generation.tenantId)?.hold || !jobId) {
        // Unscripted: halfway on the first poll, done on the next.
        const fresh = generation.state.status === 'queued';
        apply(generation, fresh ? { progress: 50 } : { complete: `Generated: ${generation.prompt}` });
      } else {
        if (!steps.get(jobId)?.length) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, LONG_POLL_MS);
            waiters.set(id, () => (clearTimeout(timer), resolve()));
          });
          waiters.delete(id);
        }
        const step = steps.get(jobId)?.shift();
        if (step) {
          apply(generation, step);
          stepsTaken.set(jobId, (stepsTaken.get(jobId) ?? 0) + 1);
        }
      }
      if (generation.state.status === 'succeeded' || generation.state.status === 'failed') {
        generations.delete(id);
        if (jobId) {
          generationOfJob.delete(jobId);
          steps.delete(jobId);
        }
      }
      return HttpResponse.json(generation.state);
    }),
  );

  return {
    listen: () => server.listen({ onUnhandledFrame: 'bypass' }),
    close: () => server.close(),
    script(script: ProviderScript) {
      scripts.set(script.tenantId, script);
    },
    step(jobId: string, step: ProviderStep) {
      steps.set(jobId, [...(steps.get(jobId) ?? []), step]);
      wake(jobId);
    },
    generationsStarted: (jobId: string) => startedForJob.get(jobId)?.count ?? 0,
    /** What the worker did with the job's generation: the steps its polls took, and whether a poll waits for the next. */
    follower: (jobId: string) => ({
      stepsTaken: stepsTaken.get(jobId) ?? 0,
      waiting: waiters.has(generationOfJob.get(jobId) ?? ''),
    }),
    /** A deleted tenant's held generations fail, so no worker waits on them. */
    forgetTenant(tenantId: string) {
      scripts.delete(tenantId);
      for (const [jobId, started] of startedForJob) {
        if (started.tenantId !== tenantId) continue;
        startedForJob.delete(jobId);
        stepsTaken.delete(jobId);
      }
      for (const [jobId, generationId] of generationOfJob) {
        if (generations.get(generationId)?.tenantId !== tenantId) continue;
        steps.set(jobId, [{ fail: 'tenant deleted' }]);
        wake(jobId);
      }
    },
  };
}

export type ProviderStandIn = ReturnType<typeof providerStandIn>;
