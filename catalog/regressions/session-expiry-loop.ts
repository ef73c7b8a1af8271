import type { Regression } from './index.ts';

export default [
  {
    name: 'tokens kept on a lost session',
    story: '"Let the user retry without signing in": the dead tokens stay in storage when the session is lost.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `  tokens.clear();
  const onLogin`,
        replace: '  const onLogin',
      },
    ],
  },
  {
    name: 'the session remembered by its user',
    story: 'A "remember me" change counts the persisted user as a session when the tokens are gone.',
    edits: [
      {
        file: 'app/web/src/auth/tokens.ts',
        find: 'hasSession: () => Boolean(localStorage.getItem(ACCESS) || localStorage.getItem(REFRESH)),',
        replace:
          'hasSession: () => Boolean(localStorage.getItem(ACCESS) || localStorage.getItem(REFRESH) || localStorage.getItem(storageKeys.authStore)),',
      },
    ],
  },
  {
    name: 'no reason on the expiry redirect',
    story: 'A cleanup drops the query string from the redirect to /login.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "window.location.assign(hadSession ? `/login?reason=${reason}` : '/login');",
        replace: "window.location.assign('/login');",
      },
    ],
  },
  {
    name: 'breaker budget raised',
    story: '"The breaker logs people out too eagerly": its budget goes from 3 redirects to 30.',
    edits: [
      {
        file: 'app/web/src/auth/redirect-breaker.ts',
        find: 'return stamps.length > MAX_AUTH_REDIRECTS;',
        replace: 'return stamps.length > MAX_AUTH_REDIRECTS * 10;',
      },
    ],
  },
  {
    name: 'breaker stops without signing out',
    story: '"Keep the user\'s name on the login page": the breaker no longer drops the persisted sign-in when it trips.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `    authStore.persist.clearStorage();
    authStore.getState().signOut();
`,
        replace: '',
      },
    ],
  },
  {
    name: 'an open breaker fails calls fast',
    story:
      '"Make it a real circuit breaker": while it is open, the client refuses api calls instead of sending them, so a looping tab stops hammering the api.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
`,
        replace: `async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
  const trips = (JSON.parse(sessionStorage.getItem('auth-redirects') ?? '[]') as number[]).filter((t) => Date.now() - t < 10_000);
  if (trips.length > 3) throw new Unreachable();
`,
      },
    ],
  },
] satisfies Regression[];
