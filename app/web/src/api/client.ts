// The API client: bearer auth, one silent refresh on 401, and a single exit to /login
// when the session cannot be saved.
import type {
  ApiErrorBody,
  DashboardResponse,
  LoginResponse,
  MeResponse,
  TokenPair,
} from '../../../shared/api-types.ts';
import { bugOn } from '../bugs.ts';
import { apiBase } from '../config.ts';
import { redirectBreaker } from '../auth/redirect-breaker.ts';
import { useAuthStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, body: Partial<ApiErrorBody>) {
    super(body.message ?? `Request failed with status ${status}`);
    this.status = status;
    this.code = body.error ?? 'unknown';
  }
}

/** Statuses a retry cannot fix; retrying them only feeds loops and rate limits. */
export const neverRetry = (error: unknown) => error instanceof ApiError && [401, 403, 429].includes(error.status);

async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('Content-Type', 'application/json');
  const access = withAuth ? tokens.access() : null;
  if (access) headers.set('Authorization', `Bearer ${access}`);
  return fetch(`${apiBase}${path}`, { ...init, headers });
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body as Partial<ApiErrorBody>);
  return body as T;
}

// Concurrent 401s share one refresh: with rotation, a second refresh would present a
// token the first one just revoked.
let refreshing: Promise<boolean> | null = null;
function refreshOnce(): Promise<boolean> {
  const refreshToken = tokens.refresh();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= send('/auth/refresh', { method: 'POST', body: JSON.stringify({ refreshToken }) }, false)
    .then(async (response) => {
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

let leaving = false;
function sessionLost(reason: 'session-expired'): void {
  // Only the tokens go here. The persisted flag may stay: isSignedIn() never trusts it
  // alone, and rehydration drops it on the next load.
  tokens.clear();
  const onLogin = window.location.pathname.startsWith('/login');
  // The login page's own session check answers 401 by design: it means "show the form".
  if (onLogin && !bugOn('redirect-on-401-from-login')) return;
  if (leaving) return;
  leaving = true;
  if (redirectBreaker.trip()) {
    // A loop, whatever its cause: drop every trace of the session and stop bouncing.
    useAuthStore.persist.clearStorage();
    useAuthStore.getState().signOut();
    if (onLogin) return;
    window.location.assign('/login?reason=redirect-loop');
    return;
  }
  window.location.assign(`/login?reason=${reason}`);
}

async function authed<T>(path: string, init?: RequestInit): Promise<T> {
  let response = await send(path, init);
  if (response.status === 401 && (await refreshOnce())) response = await send(path, init);
  if (response.status === 401) sessionLost('session-expired');
  return parse<T>(response);
}

export const api = {
  login: (email: string, password: string) =>
    send('/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) }, false).then(parse<LoginResponse>),
  logout: async () => {
    const refreshToken = tokens.refresh();
    if (refreshToken) await send('/auth/logout', { method: 'POST', body: JSON.stringify({ refreshToken }) }, false);
  },
  me: () => authed<MeResponse>('/auth/me'),
  dashboard: () => authed<DashboardResponse>('/dashboard'),
};
