import type { Regression } from './index.ts';

export default [
  {
    name: 'login check on the full URL',
    story: 'A refactor reads location.href instead of location.pathname, which never starts with /login.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "window.location.pathname.startsWith('/login')",
        replace: "window.location.href.startsWith('/login')",
      },
    ],
  },
  {
    name: 'login exemption only with a session',
    story: '"Only skip the redirect if there was a session to lose": a first visit to /login redirects again.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "if (onLogin && !bugOn(thisPage, 'redirect-on-401-from-login')) return;",
        replace: "if (onLogin && hadSession && !bugOn(thisPage, 'redirect-on-401-from-login')) return;",
      },
    ],
  },
  {
    name: 'login exemption only while the page starts',
    story:
      '"Only the first check on the login page answers 401 by design": the exemption is narrowed to its first seconds, so the 30-second session check reloads it.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "if (onLogin && !bugOn(thisPage, 'redirect-on-401-from-login')) return;",
        replace: "if (onLogin && performance.now() < 5_000 && !bugOn(thisPage, 'redirect-on-401-from-login')) return;",
      },
    ],
  },
  {
    name: 'login route with a trailing slash',
    story: 'Route normalisation compares the path with "/login/".',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "window.location.pathname.startsWith('/login')",
        replace: "window.location.pathname === '/login/'",
      },
    ],
  },
  {
    name: 'global 401 handler in the query cache',
    story:
      'A developer centralises auth handling with a QueryCache onError that sends any query refused with 401 to /login, to catch 401s that sessionLost seemed to miss.',
    blind: {
      family: 'another-channel',
      breaks:
        "No 401 redirect while already on /login (the login page's own session check is refused with 401, the query error reaches the global handler, and the page reloads itself forever, bypassing the breaker).",
    },
    edits: [
      {
        file: 'app/web/src/app-state.ts',
        find: `import { QueryClient } from '@tanstack/react-query';
import { retryPolicy } from './api/client.ts';`,
        replace: `import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, retryPolicy } from './api/client.ts';`,
      },
      {
        file: 'app/web/src/app-state.ts',
        find: `export const queryClient = new QueryClient({
  defaultOptions: {`,
        replace: `export const queryClient = new QueryClient({
  // Any query the api refuses with 401 means the session is gone: send the user to sign in.
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) window.location.assign('/login');
    },
  }),
  defaultOptions: {`,
      },
    ],
  },
  {
    name: 'expired notice for sessions that die on /login',
    story:
      "A developer wants users whose stale session is discovered on the sign-in page (back button, bookmark) to see the 'session expired' notice, so the login-page exemption now applies only when there was no session.",
    blind: {
      family: 'second-time',
      breaks:
        'No 401 redirect while already on /login (leftover tokens from an earlier session make the login page redirect to itself once more instead of just rendering the form).',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "  const onLogin = window.location.pathname.startsWith('/login');",
        replace: `  // A session that died while the user sat on the sign-in page still deserves the "expired" notice.
  const onLogin = window.location.pathname.startsWith('/login') && !hadSession;`,
      },
    ],
  },
  {
    name: 'login check read once per page load',
    story:
      "A developer hoists the '/login' path check out of sessionLost into a module constant, reasoning that after any auth redirect the app always starts a fresh page load on /login.",
    blind: {
      family: 'another-way-in',
      breaks:
        "No 401 redirect while already on /login (a /login reached by in-app navigation, such as the guard's Navigate or Sign out, is not recognised, so the in-flight or periodic session check's 401 reloads the page).",
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "  const onLogin = window.location.pathname.startsWith('/login');",
        replace: '  const onLogin = loadedOnLogin;',
      },
      {
        file: 'app/web/src/api/client.ts',
        find: 'let leaving = false;',
        replace: `let leaving = false;
// Where this page load began: after a redirect to /login the app always starts there.
const loadedOnLogin = window.location.pathname.startsWith('/login');`,
      },
    ],
  },
] satisfies Regression[];
