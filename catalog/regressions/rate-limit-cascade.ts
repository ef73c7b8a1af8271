import type { Regression } from './index.ts';

export default [
  {
    name: '429 retried',
    story: '"Rate limits are transient": only 401 and 403 count as client errors that are not retried.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: 'const clientError = error instanceof ApiError && error.status < 500;',
        replace: 'const clientError = error instanceof ApiError && (error.status === 401 || error.status === 403);',
      },
    ],
  },
  {
    name: 'session paths without the version',
    story: 'The session endpoints are listed without /api/v1, so session checks spend the general budget.',
    edits: [
      {
        file: 'app/api/src/rate-limit.ts',
        find: 'const SESSION_PATHS: string[] = [routes.me,',
        replace: "const SESSION_PATHS: string[] = ['/auth/me',",
      },
    ],
  },
  {
    name: 'Retry-After not exposed',
    story: 'A CORS cleanup exposes only the request id, so the page cannot read Retry-After.',
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: "exposedHeaders: ['X-Request-Id', 'Retry-After'],",
        replace: "exposedHeaders: ['X-Request-Id'],",
      },
    ],
  },
  {
    name: 'no backoff between retries',
    story: '"Retries feel slow": the delay becomes a flat 100 ms.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "retryDelay: (attempt: number) => (bugOn(thisPage, 'retry-storm') ? 100 : Math.min(1000 * 2 ** attempt, MAX_BACKOFF_MS)),",
        replace: 'retryDelay: () => 100,',
      },
    ],
  },
  {
    name: 'feed retried harder',
    story: '"The feed is the whole page": its query is given five retries of its own.',
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: 'queryFn: ({ pageParam }) => api.listJobs(pageParam),',
        replace: `queryFn: ({ pageParam }) => api.listJobs(pageParam),
    retry: 5,`,
      },
    ],
  },
  {
    name: 'settings retried on any error',
    story: 'Settings rarely change, so their query gets a plain retry count, which retries a 429 too.',
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: 'queryFn: api.settings, staleTime: Number.POSITIVE_INFINITY',
        replace: 'queryFn: api.settings, staleTime: Number.POSITIVE_INFINITY, retry: 2',
      },
    ],
  },
  {
    name: 'feed retried on any error',
    story: '"The feed must load": its query gets a plain retry count, which retries a 429 too.',
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: 'queryFn: ({ pageParam }) => api.listJobs(pageParam),',
        replace: `queryFn: ({ pageParam }) => api.listJobs(pageParam),
    retry: 2,`,
      },
    ],
  },
  {
    name: 'dashboard retried on any error',
    story: "The dashboard query is given the library's usual retry count, which retries a 429 too.",
    edits: [
      {
        file: 'app/web/src/pages/DashboardPage.tsx',
        find: "useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard });",
        replace: "useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard, retry: 2 });",
      },
    ],
  },
  {
    name: 'dashboard retried at once',
    story: '"The dashboard must never look stuck": its query retries without waiting.',
    edits: [
      {
        file: 'app/web/src/pages/DashboardPage.tsx',
        find: "useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard });",
        replace: "useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard, retryDelay: 0 });",
      },
    ],
  },
] satisfies Regression[];
