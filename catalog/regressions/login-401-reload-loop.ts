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
] satisfies Regression[];
