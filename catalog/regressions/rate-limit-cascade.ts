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
  {
    name: '429 retried as transient',
    story:
      "A developer treats 429 like a 503 in the shared retry policy, since 'Too Many Requests' is transient by definition and backoff should ride it out.",
    blind: {
      family: 'another-channel',
      breaks:
        'Retries only for server errors, never on 401/403/429 (every query and mutation now retries a 429, feeding the rate limit it hit).',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: '    const clientError = error instanceof ApiError && error.status < 500;',
        replace: `    // 429 is transient by definition: back off and try again, like a 503.
    const clientError = error instanceof ApiError && error.status < 500 && error.status !== 429;`,
      },
    ],
  },
  {
    name: 'job creation retried three times',
    story: 'A developer gives the create-job mutation its own retry: 3 so an occasional provider blip does not cost the user their click.',
    blind: {
      family: 'another-way-in',
      breaks:
        'Retries only for server errors, at most twice, never on 401/403/429 (a numeric retry overrides the one policy: a 429, 422 or 401 on job creation is retried three times while the form spins).',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `  const create = useMutation({
    mutationFn: (prompt: string) => api.createJob(prompt),`,
        replace: `  const create = useMutation({
    mutationFn: (prompt: string) => api.createJob(prompt),
    // Creating a job is what the page is for: ride out a blip.
    retry: 3,`,
      },
    ],
  },
  {
    name: '/auth/me moved to the general budget',
    story:
      'A developer narrows the session budget to the credential exchanges (login, refresh, logout), reasoning that /auth/me is an ordinary authenticated read.',
    blind: {
      family: 'another-channel',
      breaks:
        'The session endpoints have their own budget (once other traffic spends the general budget, /auth/me is refused with 429 again).',
    },
    edits: [
      {
        file: 'app/api/src/rate-limit.ts',
        find: 'const SESSION_PATHS: string[] = [routes.me, routes.refresh, routes.login, routes.logout];',
        replace: `// Credential exchanges only: /auth/me is an ordinary authenticated read.
const SESSION_PATHS: string[] = [routes.refresh, routes.login, routes.logout];`,
      },
    ],
  },
  {
    name: 'rate-limit block derived instead of timed',
    story:
      "A developer replaces the rate-limit timer effect with derived state ('blocked while until > now'), following the 'you might not need an effect' advice.",
    blind: {
      family: 'longer',
      breaks:
        'A 429 shows its Retry-After and the window passes by itself (nothing re-renders the page when the window ends, so the form stays blocked and the alert stays up).',
    },
    edits: [
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: `  const [until, setUntil] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setUntil(null), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);`,
        replace: '  const [until, setUntil] = useState<number | null>(null);',
      },
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: '  return { limitedFor: until === null ? null : Math.max(1, Math.ceil((until - Date.now()) / 1000)), hit };',
        replace: `  // Derived, not synced: blocked while the Retry-After window lasts.
  const left = until === null ? 0 : Math.ceil((until - Date.now()) / 1000);
  return { limitedFor: left > 0 ? left : null, hit };`,
      },
      {
        file: 'app/web/src/pages/JobsPage.tsx',
        find: "import { type FormEvent, useCallback, useEffect, useState } from 'react';",
        replace: "import { type FormEvent, useCallback, useState } from 'react';",
      },
    ],
  },
  {
    name: 'Retry-After no longer exposed by CORS',
    story: 'A developer trims the CORS exposed headers to X-Request-Id, believing the client reads the wait from the 429 message text.',
    blind: {
      family: 'another-channel',
      breaks:
        'A 429 shows its Retry-After (the browser hides the header from the cross-origin client, so the page shows and blocks for a 60 s default instead of the real window).',
    },
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: "    exposedHeaders: ['X-Request-Id', 'Retry-After'],",
        replace: "    exposedHeaders: ['X-Request-Id'],",
      },
    ],
  },
] satisfies Regression[];
