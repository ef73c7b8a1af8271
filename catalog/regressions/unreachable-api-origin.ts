import type { Regression } from './index.ts';

export default [
  {
    name: "fetch's own error passed on",
    story: 'The catch around fetch looked redundant: a failed request rejects anyway, so it goes.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `  return fetch(apiUrl(path), { ...init, headers }).catch(() => {
    throw new Unreachable();
  });`,
        replace: '  return fetch(apiUrl(path), { ...init, headers });',
      },
    ],
  },
  {
    name: 'sign-in tries a dropped connection again',
    story: '"A blip should not cost the user a sign-in": a sign-in that got no answer is sent once more before the page says so.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "bugOn(thisPage, 'sign-in-waits-for-the-api') ? untilAnswered(attempt) : attempt()",
        replace: "bugOn(thisPage, 'sign-in-waits-for-the-api') ? untilAnswered(attempt) : attempt().catch(attempt)",
      },
    ],
  },
  {
    name: 'the button waits for an edit',
    story: '"Nobody should hammer Sign in": after a failed attempt the button stays off until the form changes.',
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: '<button type="submit" disabled={busy}>',
        replace: '<button type="submit" disabled={busy || error !== null}>',
      },
    ],
  },
  {
    name: 'a failed sign-in clears the password',
    story: 'As many login forms do, a failed attempt empties the password field.',
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "      setError(caught instanceof ApiError || caught instanceof Unreachable ? caught.message : 'Sign-in failed. Try again.');",
        replace: `      setError(caught instanceof ApiError || caught instanceof Unreachable ? caught.message : 'Sign-in failed. Try again.');
      ((event.target as HTMLFormElement).elements.namedItem('password') as HTMLInputElement).value = '';`,
      },
    ],
  },
  {
    name: 'concurrent sign-ins share one request',
    story: '"A double click must not sign in twice": sign-ins share the one in flight, which is forgotten once it succeeds.',
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "    return (bugOn(thisPage, 'sign-in-waits-for-the-api') ? untilAnswered(attempt) : attempt()).then(parse<LoginResponse>);",
        replace: `    const shared = globalThis as { signingIn?: Promise<LoginResponse> };
    shared.signingIn ??= (bugOn(thisPage, 'sign-in-waits-for-the-api') ? untilAnswered(attempt) : attempt())
      .then(parse<LoginResponse>)
      .then((answer) => {
        shared.signingIn = undefined;
        return answer;
      });
    return shared.signingIn;`,
      },
    ],
  },
  {
    name: 'signed in with a fresh page load',
    story: '"Start the signed-in app clean": sign-in lands on the dashboard with a full page load.',
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "      void navigate('/dashboard', { replace: true });",
        replace: "      window.location.replace('/dashboard');",
      },
    ],
  },
  {
    name: 'one quiet sign-in retry',
    story: 'For phones switching networks, sign-in retries once after 1.5 s when it gets no answer before telling the user.',
    blind: {
      family: 'longer',
      breaks:
        'A sign-in that gets no answer says at once "Could not reach the service..." and is not retried behind the user: it now waits and sends it again first.',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "    const attempt = () => send(routes.login, { method: 'POST', body: JSON.stringify({ email, password }) }, false);",
        replace: `    const once = () => send(routes.login, { method: 'POST', body: JSON.stringify({ email, password }) }, false);
    // One quiet retry: a phone switching networks often drops the first request.
    const attempt = () =>
      once().catch(async (error: unknown) => {
        if (!(error instanceof Unreachable)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return once();
      });`,
      },
    ],
  },
  {
    name: 'sign-in as a mutation',
    story:
      "For consistency with the jobs page (isPending, devtools), the login form moves its request onto useMutation, which picks up the app's default retry policy.",
    blind: {
      family: 'another-way-in',
      breaks:
        'is not retried behind the user and says so at once: the mutation retries the unanswered sign-in twice (1 s, 2 s) before the message appears.',
    },
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "import { useQueryClient } from '@tanstack/react-query';",
        replace: "import { useMutation, useQueryClient } from '@tanstack/react-query';",
      },
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: `  const queryClient = useQueryClient();
`,
        replace: `  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.login(credentials.email, credentials.password),
  });
`,
      },
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "      const { user, ...pair } = await api.login(String(form.get('email')), String(form.get('password')));",
        replace:
          "      const { user, ...pair } = await login.mutateAsync({ email: String(form.get('email')), password: String(form.get('password')) });",
      },
    ],
  },
  {
    name: 'client fails fast while offline',
    story:
      'To stop every query hammering an unreachable api, the client remembers a failed fetch and fails every request at once for 30 s.',
    blind: {
      family: 'second-time',
      breaks:
        'works, without a reload, once the api answers at that origin: for 30 s after the first failure a new sign-in fails at once without trying, even though the api is back.',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: `async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
`,
        replace: `// After a request got no answer, fail fast for a while instead of hammering an unreachable api.
let unreachableUntil = 0;

async function send(path: string, init: RequestInit = {}, withAuth = true): Promise<Response> {
  if (Date.now() < unreachableUntil) throw new Unreachable();
`,
      },
      {
        file: 'app/web/src/api/client.ts',
        find: `  return fetch(apiUrl(path), { ...init, headers }).catch(() => {
    throw new Unreachable();`,
        replace: `  return fetch(apiUrl(path), { ...init, headers }).catch(() => {
    unreachableUntil = Date.now() + 30_000;
    throw new Unreachable();`,
      },
    ],
  },
  {
    name: 'password cleared after a failed sign-in',
    story: 'A security-minded tweak clears the password field after any failed sign-in so it is not left in the DOM.',
    blind: {
      family: 'another-channel',
      breaks:
        'keeps the form: after "Could not reach the service", the password is gone, and pressing Sign in again once the api answers does not submit.',
    },
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: '    const form = new FormData(event.currentTarget);',
        replace: `    const formElement = event.currentTarget;
    const form = new FormData(formElement);`,
      },
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "      setError(caught instanceof ApiError || caught instanceof Unreachable ? caught.message : 'Sign-in failed. Try again.');",
        replace: `      setError(caught instanceof ApiError || caught instanceof Unreachable ? caught.message : 'Sign-in failed. Try again.');
      // Never leave a password sitting in the DOM after a failed attempt.
      const password = formElement.elements.namedItem('password');
      if (password instanceof HTMLInputElement) password.value = '';`,
      },
    ],
  },
] satisfies Regression[];
