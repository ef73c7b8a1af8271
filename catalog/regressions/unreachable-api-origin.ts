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
] satisfies Regression[];
