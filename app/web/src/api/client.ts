// The API client: bearer auth, one silent refresh on 401, and a single exit to /login
// when the session cannot be saved.
import type {
  ApiErrorBody,
  DashboardResponse,
  GenerationSettings,
  HealthReport,
  Job,
  JobPage,
  LoginResponse,
  MeResponse,
  TokenPair,
} from '../../../shared/api-types.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { pathTo, routes } from '../../../shared/routes.ts';
import { apiUrl } from '../config.ts';
import { redirectBreaker } from '../auth/redirect-breaker.ts';
import { authStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';
import { MAX_BACKOFF_MS } from '../timers.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** From Retry-After on a 429. */
  readonly retryAfterSeconds?: number;
  constructor(status: number, body: Partial<ApiErrorBody>, retryAfter?: string | null) {
    super(body.message ?? `Request failed with status ${status}`);
    this.status = status;
    this.code = body.error ?? 'unknown';
    if (retryAfter && Number.isFinite(Number(retryAfter))) this.retryAfterSeconds = Number(retryAfter);
  }
}

/** The request never got an answer: the connection failed or dropped. Retried like a 5xx. */
export class Unreachable extends Error {
  constructor() {
    super('Could not reach the service. Check your connection and try again.');
  }
}

const MAX_RETRIES = 2;

/**
 * The one retry policy, for queries and mutations alike: only server errors and network
 * failures, at most twice, backing off 1 s then 2 s. A client error (401, 403 and 429
 * included) will not change on retry; retrying it only feeds loops and rate limits.
 */
export const retryPolicy = {
  retry(failures: number, error: unknown): boolean {
    if (bugOn(thisPage, 'retry-storm')) return failures < 14;
    const clientError = error instanceof ApiError && error.status < 500;
    return !clientError && failures < MAX_RETRIES;
  },
  retryDelay: (attempt: number) => (bugOn(thisPage, 'retry-storm') ? 100 : Math.min(1000 * 2 ** attempt, MAX_BACKOFF_MS)),
};

async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('Content-Type', 'application/json');
  const access = withAuth ? tokens.access() : null;
  if (access) headers.set('Authorization', `Bearer ${access}`);
  // fetch's own TypeError ("Failed to fetch") means nothing to a user.
  return fetch(apiUrl(path), { ...init, headers }).catch(() => {
    throw new Unreachable();
  });
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body as Partial<ApiErrorBody>, response.headers.get('retry-after'));
  return body as T;
}

// Concurrent 401s share one refresh, in this tab and across tabs (they share the tokens'
// storage): a refresh token is good once, and the api ends the whole sign-in when a
// spent one comes back.
const REFRESH_LOCK = 'auth:refresh';
let refreshing: Promise<boolean> | null = null;
function refreshOnce(): Promise<boolean> {
  const presented = tokens.refresh();
  if (!presented) return Promise.resolve(false);
  refreshing ??= oneTabAtATime(async () => {
    // Another tab rotated while this one waited for the lock: its tokens are ours too.
    const current = tokens.refresh();
    if (current !== presented) return current !== null;
    const response = await send(routes.refresh, { method: 'POST', body: JSON.stringify({ refreshToken: current }) }, false);
    if (!response.ok) return false;
    tokens.save((await response.json()) as TokenPair);
    return true;
  })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The Web Locks API where the browser has it (every current one, in a secure context). */
const oneTabAtATime = <T>(work: () => Promise<T>): Promise<T> =>
  typeof navigator.locks?.request === 'function' ? navigator.locks.request(REFRESH_LOCK, work) : work();

let leaving = false;
function sessionLost(reason: 'session-expired'): void {
  // A 401 with no session behind it (a first visit) means "signed out", not "expired".
  const hadSession = tokens.hasSession();
  // Only the tokens go here. The persisted flag may stay: isSignedIn() never trusts it
  // alone, and rehydration drops it on the next load.
  tokens.clear();
  const onLogin = window.location.pathname.startsWith('/login');
  // The login page's own session check answers 401 by design: it means "show the form".
  if (onLogin && !bugOn(thisPage, 'redirect-on-401-from-login')) return;
  if (leaving) return;
  leaving = true;
  if (redirectBreaker.trip() && !bugOn(thisPage, 'uncapped-auth-redirects')) {
    // A loop, whatever its cause: drop every trace of the session and stop bouncing.
    authStore.persist.clearStorage();
    authStore.getState().signOut();
    if (onLogin) return;
    window.location.assign('/login?reason=redirect-loop');
    return;
  }
  window.location.assign(hadSession ? `/login?reason=${reason}` : '/login');
}

/**
 * A fresh access token for a caller refused with `sentWith`: the one another caller renewed
 * while this one was out (so no second rotation), or one shared refresh.
 */
const renewAccess = async (sentWith: string | null) => (tokens.access() !== sentWith && tokens.access() !== null) || refreshOnce();

async function authed<T>(path: string, init?: RequestInit): Promise<T> {
  const sentWith = tokens.access();
  let response = await send(path, init);
  if (response.status === 401 && (await renewAccess(sentWith))) response = await send(path, init);
  if (response.status === 401) sessionLost('session-expired');
  return parse<T>(response);
}

/**
 * Bug 'refresh-on-mount': the original app renewed the session as it started, with a refresh
 * of its own. StrictMode runs mount effects twice, so the second call presented the token
 * the first had just spent, and the api ended the sign-in. The app now renews only when a
 * token is refused, through the one shared refresh.
 */
export async function renewOnStart(): Promise<void> {
  const refreshToken = bugOn(thisPage, 'refresh-on-mount') && tokens.refresh();
  if (!refreshToken) return;
  const response = await send(routes.refresh, { method: 'POST', body: JSON.stringify({ refreshToken }) }, false);
  if (response.ok) tokens.save((await response.json()) as TokenPair);
  else sessionLost('session-expired');
}

/** For the job socket, whose 4401 is a 401: true once the session is renewed; otherwise the session is lost. */
export async function renewSession(sentWith: string | null): Promise<boolean> {
  if (await renewAccess(sentWith)) return true;
  sessionLost('session-expired');
  return false;
}

const untilAnswered = (attempt: () => Promise<Response>): Promise<Response> =>
  attempt().catch(async (error: unknown) => {
    if (!(error instanceof Unreachable)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return untilAnswered(attempt);
  });

export const api = {
  login: (email: string, password: string) => {
    const attempt = () => send(routes.login, { method: 'POST', body: JSON.stringify({ email, password }) }, false);
    // Bug 'sign-in-waits-for-the-api': the form waited, silent, for an api that was not there.
    return (bugOn(thisPage, 'sign-in-waits-for-the-api') ? untilAnswered(attempt) : attempt()).then(parse<LoginResponse>);
  },
  logout: async () => {
    const refreshToken = tokens.refresh();
    if (refreshToken) await send(routes.logout, { method: 'POST', body: JSON.stringify({ refreshToken }) }, false);
  },
  me: () => authed<MeResponse>(routes.me),
  dashboard: () => authed<DashboardResponse>(routes.dashboard),
  createJob: (prompt: string) => authed<Job>(routes.jobs, { method: 'POST', body: JSON.stringify({ prompt }) }),
  listJobs: (cursor?: string) => authed<JobPage>(`${routes.jobs}?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  getJob: (id: string) => authed<Job>(pathTo(routes.job, { id })),
  cancelJob: (id: string) => authed<Job>(pathTo(routes.cancelJob, { id }), { method: 'POST' }),
  settings: () => authed<GenerationSettings>(routes.generationSettings),
  dismissJob: (id: string) => authed<void>(pathTo(routes.dismissJob, { id }), { method: 'POST' }),
  /** The report itself, whether the api says ok (200) or not ready (503). */
  health: () => send(routes.health, {}, false).then((response) => response.json() as Promise<HealthReport>),
};

/** The job's live socket, on the api's origin. */
export const liveUrl = (jobId: string) => apiUrl(pathTo(routes.jobLive, { id: jobId })).replace(/^http/, 'ws');
