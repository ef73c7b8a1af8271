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
  {
    name: 'cached profile counts as signed in',
    story:
      "A developer widens isSignedIn so a returning user whose persisted profile is cached stays 'signed in' while tokens are momentarily missing (e.g. mid-rotation in another tab), leaving the api's 401 to decide.",
    blind: {
      family: 'another-channel',
      breaks:
        "One predicate decides 'signed in': the persisted flag and real tokens together (rehydration and both guards now accept the persisted user instead of tokens, so a stale flag bounces between /login and /dashboard until the breaker trips).",
    },
    edits: [
      {
        file: 'app/web/src/auth/store.ts',
        find: "export function isSignedIn(state: Pick<AuthState, 'isAuthenticated'>): boolean {",
        replace: "export function isSignedIn(state: Pick<AuthState, 'isAuthenticated' | 'user'>): boolean {",
      },
      {
        file: 'app/web/src/auth/store.ts',
        find: '  return state.isAuthenticated && tokens.hasSession();',
        replace: `  // A cached profile is enough for the UI: tokens can be briefly absent while another tab rotates them.
  return state.isAuthenticated && (tokens.hasSession() || state.user !== null);`,
      },
    ],
  },
  {
    name: 'redirect breaker kept in memory',
    story:
      'A developer moves the redirect counter from sessionStorage into a module variable because sessionStorage throws in some embedded browsers and privacy modes.',
    blind: {
      family: 'second-time',
      breaks:
        'A circuit breaker caps auth redirects whatever their cause (each redirect is a full page load, so an in-memory count starts at zero every time and never trips).',
    },
    edits: [
      {
        file: 'app/web/src/auth/redirect-breaker.ts',
        find: `function recent(now: number): number[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number' && now - t < WINDOW_MS) : [];
  } catch {
    return [];
  }
}`,
        replace: `// Kept in memory: sessionStorage throws in some embedded browsers and privacy modes.
let stamps: number[] = [];
const recent = (now: number): number[] => stamps.filter((t) => now - t < WINDOW_MS);`,
      },
      {
        file: 'app/web/src/auth/redirect-breaker.ts',
        find: `    const stamps = [...recent(now), now];
    sessionStorage.setItem(KEY, JSON.stringify(stamps));
    return stamps.length > MAX_AUTH_REDIRECTS;`,
        replace: `    stamps = [...recent(now), now];
    return stamps.length > MAX_AUTH_REDIRECTS;`,
      },
      {
        file: 'app/web/src/auth/redirect-breaker.ts',
        find: '  reset: () => sessionStorage.removeItem(KEY),',
        replace: '  reset: () => void (stamps = []),',
      },
    ],
  },
  {
    name: 'breaker reset when a protected page renders',
    story:
      "A developer resets the redirect breaker whenever a protected page renders, because users who legitimately signed in again within 10 s were shown the 'redirect loop' notice.",
    blind: {
      family: 'longer',
      breaks:
        'A circuit breaker caps auth redirects whatever their cause (every bounce renders the protected page once before its 401, so the count is wiped on each lap and the loop runs forever).',
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: "import { authStore, useAuthStore, useSignedIn } from './auth/store.ts';",
        replace: `import { redirectBreaker } from './auth/redirect-breaker.ts';
import { authStore, useAuthStore, useSignedIn } from './auth/store.ts';`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: '  if (!useSignedIn()) return <Navigate to="/login" replace />;',
        replace: `  const signedIn = useSignedIn();
  // A protected page rendered: the session works, so earlier redirects were not a loop.
  useEffect(() => {
    if (signedIn) redirectBreaker.reset();
  }, [signedIn]);
  if (!signedIn) return <Navigate to="/login" replace />;`,
      },
    ],
  },
] satisfies Regression[];
