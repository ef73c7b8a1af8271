// Every path of the api, typed once: the api registers them, and the web client and the
// tests call them, so a moved route breaks the build, not a test at 3 a.m.
export const API_PREFIX = '/api/v1';
/** What clients called before the versioned prefix: the api redirects it. */
export const LEGACY_API_PREFIX = '/api';

export const routes = {
  health: '/api/v1/health',
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  dashboard: '/api/v1/dashboard',
  jobs: '/api/v1/jobs',
  job: '/api/v1/jobs/:id',
  jobLive: '/api/v1/jobs/:id/live',
  dismissJob: '/api/v1/jobs/:id/dismiss',
  cancelJob: '/api/v1/jobs/:id/cancel',
  generationSettings: '/api/v1/settings/generation',
} as const;

/** Test mode only, behind the stack's hook secret. */
export const TEST_HOOK_PREFIX = '/api/v1/__test__/';
export const hookRoutes = {
  tenants: '/api/v1/__test__/tenants',
  tenant: '/api/v1/__test__/tenants/:id',
  sessions: '/api/v1/__test__/sessions',
  issuedSecrets: '/api/v1/__test__/issued-secrets',
  clock: '/api/v1/__test__/clock',
  providerScripts: '/api/v1/__test__/provider/scripts',
  providerJob: '/api/v1/__test__/provider/jobs/:jobId',
  providerSteps: '/api/v1/__test__/provider/jobs/:jobId/steps',
  demoMode: '/api/v1/__test__/demo-mode',
  rateBudgets: '/api/v1/__test__/rate-budgets',
} as const;

export type Route = (typeof routes)[keyof typeof routes];

/** The parameter names of a route pattern: "/jobs/:id/cancel" → "id". */
type Params<R extends string> = R extends `${string}:${infer Name}/${infer Rest}`
  ? Name | Params<`/${Rest}`>
  : R extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route with its parameters filled in and encoded: pathTo(routes.job, { id }) → "/api/v1/jobs/<id>". */
export function pathTo<R extends string>(route: R, ...[params]: [Params<R>] extends [never] ? [] : [Record<Params<R>, string>]): string {
  return route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent((params as Record<string, string>)[name]!));
}

/** The same route as old clients call it, under the legacy prefix the api redirects. */
export const legacyPathOf = (route: string) => route.replace(API_PREFIX, LEGACY_API_PREFIX);
