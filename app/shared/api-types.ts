// Wire types shared by the api, the web app and the test fixtures, so a renamed field
// breaks the build instead of a test at 3 a.m.

export type Role = 'member' | 'admin';

export interface User {
  id: string;
  email: string;
  role: Role;
  tenantId: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires, by the server's clock. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: User;
}

export interface MeResponse {
  user: User;
}

export interface DashboardResponse {
  user: User;
  activeSessions: number;
  serverTime: string;
}

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'token_expired'
  | 'session_expired'
  | 'session_revoked'
  | 'not_found'
  | 'job_not_cancellable'
  | 'provider_unavailable'
  | 'rate_limited'
  | 'schema_drift'
  | 'queue_unavailable'
  | 'unavailable'
  | 'internal';

export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
}

export type CheckStatus = 'up' | 'down';
/** How a dependency failed, in words fixed here: health is public, so never the driver's text. */
export type DependencyFailure = 'timed out' | 'unreachable' | 'authentication failed' | 'failed' | 'live updates not subscribed';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'not_ready';
  checks: {
    database: { status: CheckStatus; reason?: DependencyFailure };
    redis: { status: CheckStatus; reason?: DependencyFailure };
    /** `unknown` with a reason: the database answers, but this check failed. */
    migrations: { status: 'current' | 'pending' | 'unknown'; reason?: DependencyFailure; applied: string[]; pending: string[] };
    /** What the code expects that the database lacks: a table by its name, a column as "table.column". */
    schema: { status: 'matches' | 'drift' | 'unknown'; reason?: DependencyFailure; missing: string[] };
  };
}

export interface GenerationSettings {
  maxPromptLength: number;
}

// Generation jobs.

/** The Redis channel every change to a job is announced on, and every api process relays to its sockets. */
export const JOB_UPDATES_CHANNEL = 'jobs:updates';

export const jobStatuses = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const terminalStatuses: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];
export const isTerminal = (status: JobStatus) => terminalStatuses.includes(status);

export interface Job {
  id: string;
  prompt: string;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  result: string | null;
  error: string | null;
  createdAt: string;
  /** ISO time with milliseconds: the order of updates, compared by every client guard. */
  updatedAt: string;
}

export interface CreateJobRequest {
  prompt: string;
}

/** One page of the feed, newest first; `nextCursor` is absent on the last page. */
export interface JobPage {
  jobs: Job[];
  nextCursor?: string;
}

/** Frames on /api/v1/jobs/:id/live. The client speaks first with `auth`. */
export type JobFrame = { type: 'status'; job: Job } | { type: 'pong'; at: string } | { type: 'error'; message: string };
export type ClientFrame = { type: 'auth'; token: string } | { type: 'ping' };

// Test-mode only endpoints (mounted under /api/v1/__test__ when E2E_TEST_MODE=1 and
// NODE_ENV=test). Each call carries the stack's E2E_HOOK_SECRET in this header.
export const HOOK_SECRET_HEADER = 'x-e2e-hook-secret';

export interface TestTenant {
  tenantId: string;
  member: TestUser;
  admin: TestUser;
}

export interface TestUser extends User {
  password: string;
}

/** How a planted session looks to the server. */
export type PlantedSessionState = 'valid' | 'expired' | 'revoked';

export interface PlantSessionRequest {
  userId: string;
  state: PlantedSessionState;
  /** A valid session only: its access token has this many seconds left, by the server's clock. */
  accessLeftSeconds?: number;
}

export interface PlantedSession extends TokenPair {
  sessionId: string;
}

export interface AdvanceClockRequest {
  tenantId: string;
  byMs: number;
}

/**
 * How the stand-in generation provider treats one tenant's jobs. `hold` keeps each job
 * running until the test steps it; `moderation: 'unavailable'` fails job creation with a
 * provider outage, `moderation: 'malformed'` with a crash in the api.
 */
export interface ProviderScript {
  tenantId: string;
  hold?: boolean;
  moderation?: 'ok' | 'unavailable' | 'malformed';
  credentials?: 'accept' | 'reject';
}

/** A step a test takes for a held job. A phase is the provider's word for a generation not yet progressing. */
export type ProviderStep = { phase: 'queued' | 'started' } | { progress: number } | { complete: string } | { fail: string };

export interface RateBudgetRequest {
  tenantId: string;
  /** Requests per window for everything but the session endpoints. */
  generalMax: number;
}
