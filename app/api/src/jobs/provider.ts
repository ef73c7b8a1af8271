// The external generation provider, over HTTP. Its protocol: a synchronous moderation
// check, then an asynchronous generation that is long-polled until it ends. In the
// suite's stack, MSW answers these calls (see provider-stand-in.ts); nothing here knows.
import { createHash } from 'node:crypto';
import { type BugSwitch, bugOn } from '../../../shared/bug-switches.ts';

export interface ProviderConfig {
  providerUrl: string;
  providerApiKey: string;
}

/** Context the provider echoes back; the stand-in uses it to pick per-tenant behaviour. */
export interface ProviderMetadata {
  tenantId: string;
  jobId?: string;
}

/**
 * A generation in the provider's own words: `queued` and `started` before any progress,
 * `processing` with it, then an ending. Only the worker reads them; the app's jobs speak
 * its own vocabulary (JobStatus), so the two meet in one place.
 */
export type GenerationState =
  | { status: 'queued' | 'started' }
  | { status: 'processing'; progress: number }
  | { status: 'succeeded'; output: string }
  | { status: 'failed'; error: string };

/** The provider could not be reached or answered 5xx: worth retrying later. */
export class ProviderUnavailable extends Error {}

/** The provider refused our credentials (401/403): no retry will help until someone fixes the key. */
export class ProviderRefusedCredentials extends Error {}

/** The provider does not know the generation (404): it expired there, or was lost. */
export class ProviderLostGeneration extends Error {}

export function providerClient({ providerUrl, providerApiKey }: ProviderConfig) {
  // Names the key without any part of it: an operator can tell a stale key from a new one,
  // and nobody reading the log can use it.
  const keyFingerprint = `sha256:${createHash('sha256').update(providerApiKey).digest('hex').slice(0, 12)}`;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${providerUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${providerApiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ProviderUnavailable(`provider unreachable: ${error instanceof Error ? error.message : error}`);
    }
    if (response.status >= 500) throw new ProviderUnavailable(`provider answered ${response.status} to ${method} ${path}`);
    if (response.status === 401 || response.status === 403) {
      throw new ProviderRefusedCredentials(`provider refused our credentials (${response.status}) on ${method} ${path}`);
    }
    if (response.status === 404) throw new ProviderLostGeneration(`provider does not know ${method} ${path}`);
    if (!response.ok) throw new Error(`provider refused ${method} ${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as T;
  }

  return {
    moderate: (input: string, metadata: ProviderMetadata) => call<{ flagged: boolean }>('POST', '/v1/moderations', { input, metadata }),
    startGeneration: (prompt: string, metadata: ProviderMetadata) => call<{ id: string }>('POST', '/v1/generations', { prompt, metadata }),
    /** Answers when the generation changed, or after the provider's long-poll window. */
    nextState: (generationId: string) => call<GenerationState>('GET', `/v1/generations/${generationId}?wait=20`),
    /**
     * How logs name the key. Bug 'key-prefix-in-log': by its first 12 characters, as the
     * incident's debug logging printed the secret it expected.
     */
    keyInLogs: (bugSwitches: readonly BugSwitch[]) =>
      bugOn({ bugSwitches }, 'key-prefix-in-log') ? `${providerApiKey.slice(0, 12)}…` : keyFingerprint,
  };
}

export type ProviderClient = ReturnType<typeof providerClient>;
