import type { Regression } from './index.ts';

export default [
  {
    name: 'title after the router',
    story: '"Side effects last": the page title moves below the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '        </BrowserRouter>',
        replace: `        </BrowserRouter>
        <PageTitle />`,
      },
    ],
  },
  {
    name: 'nav on every page, outside the router',
    story: 'The main nav moves to the app shell, above the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '        {reordered && <PageTitle />}',
        replace: `        {reordered && <PageTitle />}
        <nav aria-label="Shell">
          <NavLink to="/jobs">Jobs</NavLink>
        </nav>`,
      },
    ],
  },
  {
    name: 'page title inlined into the app root',
    story: 'A simplification folds PageTitle into App, which renders above the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '  useState(tokens.hydrate);',
        replace: `  useState(tokens.hydrate);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = \`\${titles[pathname] ?? 'App'} · Incident suite\`;
  }, [pathname]);`,
      },
    ],
  },
  {
    name: "error fallback links back with the router's Link",
    story:
      "Use the router's Link in the error fallback so going back to the dashboard is a client-side navigation that keeps the query cache, instead of a full page load.",
    blind: {
      family: 'second-time',
      breaks:
        'The error boundary wraps the router: its fallback renders outside the router, so the way back itself throws the router-context error and, whenever a page crashes, the app goes blank instead of offering the way back.',
    },
    edits: [
      {
        file: 'app/web/src/error-boundary.tsx',
        find: "import { Component, type ErrorInfo, type ReactNode } from 'react';",
        replace: `import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';`,
      },
      {
        file: 'app/web/src/error-boundary.tsx',
        find: '<a href="/dashboard">Back to the dashboard</a>',
        replace: '<Link to="/dashboard">Back to the dashboard</Link>',
      },
    ],
  },
  {
    name: 'session check skips /login and is hoisted above the router',
    story:
      'Skip the always-401 session check on the sign-in page, and hoist SessionCheck to the top of the tree so the check starts before the router mounts.',
    blind: {
      family: 'another-channel',
      breaks:
        'Everything that reads the route renders inside the router: SessionCheck now reads the location above BrowserRouter, so every page fails with the useLocation() router-context error.',
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `  const setUser = useAuthStore((s) => s.setUser);
  const check = useQuery({
    queryKey: ['me'],
`,
        replace: `  const setUser = useAuthStore((s) => s.setUser);
  // The sign-in page's check is always a 401: skip it there.
  const { pathname } = useLocation();
  const check = useQuery({
    queryKey: ['me'],
    enabled: !pathname.startsWith('/login'),
`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `          <SessionCheck />
`,
        replace: '',
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      <AppErrorBoundary>
`,
        replace: `      <AppErrorBoundary>
        <SessionCheck />
`,
      },
    ],
  },
  {
    name: 'health banner rendered app-wide with a link to the jobs',
    story:
      'Show the health banner on every page, sign-in included (users there were never told about outages), by rendering it once at the top of the app, with a link to check on their jobs.',
    blind: {
      family: 'longer',
      breaks:
        'Everything that reads the route renders inside the router: the banner now sits above BrowserRouter and its Link reads the route as soon as health is not ok, so every page falls to the router-context error exactly while the api is in trouble.',
    },
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: `import { useQuery } from '@tanstack/react-query';
import { api } from './api/client.ts';
import { HEALTH_POLL_MS } from './timers.ts';

export function HealthBanner() {
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: HEALTH_POLL_MS, retry: false });
  const status = health.isError ? 'unreachable' : health.data?.status;
  if (!status || status === 'ok') return null;
  return (
    <p role="status" aria-label="Service health">
      {status === 'degraded'
        ? 'Some services are degraded: live updates and new jobs may be delayed. Everything else works.'
        : 'The service is having trouble right now; what you see may be out of date.'}
`,
        replace: `import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from './api/client.ts';
import { HEALTH_POLL_MS } from './timers.ts';

export function HealthBanner() {
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: HEALTH_POLL_MS, retry: false });
  const status = health.isError ? 'unreachable' : health.data?.status;
  if (!status || status === 'ok') return null;
  return (
    <p role="status" aria-label="Service health">
      {status === 'degraded'
        ? 'Some services are degraded: live updates and new jobs may be delayed. Everything else works.'
        : 'The service is having trouble right now; what you see may be out of date.'}{' '}
      <Link to="/jobs">Check on your jobs</Link>
`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      <HealthBanner />
      {children}
`,
        replace: `      {children}
`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      <AppErrorBoundary>
`,
        replace: `      <AppErrorBoundary>
        <HealthBanner />
`,
      },
    ],
  },
  {
    name: 'error boundary moved around page content',
    story:
      'Scope the error boundary to the protected page content, so the nav and banner survive a crashed page and the user can still navigate away.',
    blind: {
      family: 'another-way-in',
      breaks:
        'The error boundary wraps the router: the router, the page title, the session check and the whole login page are no longer under any boundary, so a router-context error there blanks the app instead of showing the way back.',
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `      <AppErrorBoundary>
`,
        replace: `      <>
`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      </AppErrorBoundary>
`,
        replace: `      </>
`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      {children}
`,
        replace: `      <AppErrorBoundary>{children}</AppErrorBoundary>
`,
      },
    ],
  },
] satisfies Regression[];
