import type { Regression } from './index.ts';

export default [
  {
    name: 'StrictMode taken out',
    story: 'As the report did: "StrictMode double-fires everything in development; turn it off while we debug".',
    edits: [
      {
        file: 'app/web/src/main.tsx',
        find: `  <StrictMode>
    <App />
  </StrictMode>,
`,
        replace: `  <App />,
`,
      },
    ],
  },
  {
    name: 'session checked again on mount',
    story: '"Know who we are before the first query fires": the session check also asks the api from a mount effect.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `    refetchInterval: SESSION_CHECK_MS,
  });
`,
        replace: `    refetchInterval: SESSION_CHECK_MS,
  });
  useEffect(() => void api.me().then(({ user }) => setUser(user), () => {}), [setUser]);
`,
      },
    ],
  },
  {
    name: 'dashboard warmed from a mount effect',
    story: '"Show the numbers sooner": the dashboard fetches them itself as it mounts, and hands them to the query cache.',
    edits: [
      {
        file: 'app/web/src/pages/DashboardPage.tsx',
        find: `import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useAuthStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';

export function DashboardPage() {
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard });
  const signOut = useAuthStore((s) => s.signOut);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
`,
        replace: `import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useAuthStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';

export function DashboardPage() {
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard });
  const signOut = useAuthStore((s) => s.signOut);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Warm the numbers as soon as the page mounts.
  useEffect(() => void api.dashboard().then((data) => queryClient.setQueryData(['dashboard'], data), () => {}), [queryClient]);
`,
      },
    ],
  },
  {
    name: 'dashboard syncs the user on mount',
    story: "So a renamed user shows up at once, the dashboard refreshes the store's user from /auth/me when it mounts.",
    blind: {
      family: 'another-way-in',
      breaks: "No mount effect makes an auth call: the dashboard's mount effect calls /auth/me, twice under StrictMode and on every visit.",
    },
    edits: [
      {
        file: 'app/web/src/pages/DashboardPage.tsx',
        find: `import { useQuery, useQueryClient } from '@tanstack/react-query';
`,
        replace: `import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
`,
      },
      {
        file: 'app/web/src/pages/DashboardPage.tsx',
        find: `  const signOut = useAuthStore((s) => s.signOut);
`,
        replace: `  const signOut = useAuthStore((s) => s.signOut);
  const setUser = useAuthStore((s) => s.setUser);
  // Keep the store's user fresh when the dashboard opens.
  useEffect(() => {
    api.me().then(({ user }) => setUser(user), () => {});
  }, [setUser]);
`,
      },
    ],
  },
  {
    name: 'session renewed as the app starts',
    story:
      'To give returning users a full token lifetime (and fewer 401s in the console), the app renews the session once as it starts, through the shared refresh.',
    blind: {
      family: 'another-channel',
      breaks:
        'a token is renewed only when refused, and no mount effect makes an auth call: every load now rotates the refresh token from a mount effect.',
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: 'function refreshOnce(): Promise<boolean> {',
        replace: 'export function refreshOnce(): Promise<boolean> {',
      },
      {
        file: 'app/web/src/App.tsx',
        find: "import { api, renewOnStart } from './api/client.ts';",
        replace: "import { api, refreshOnce, renewOnStart } from './api/client.ts';",
      },
      {
        file: 'app/web/src/App.tsx',
        find: "  useMountEffectCount('SessionCheck');",
        replace: `  // A returning user starts with a full token lifetime.
  useEffect(() => void refreshOnce(), []);
  useMountEffectCount('SessionCheck');`,
      },
    ],
  },
  {
    name: 'session check driven from a mount effect',
    story:
      'To run the session check the moment the app mounts and on a timer it controls, a developer disables the query and calls refetch from a mount effect with its own interval.',
    blind: {
      family: 'second-time',
      breaks:
        "the session check is a query (one per key, however often it mounts): the mount effect calls it, and StrictMode's second run sends /auth/me a second time.",
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `    refetchInterval: SESSION_CHECK_MS,
  });`,
        replace: `    enabled: false,
  });
  // Imperative: the check runs as the app mounts, then on our own timer.
  useEffect(() => {
    void check.refetch();
    const timer = setInterval(() => void check.refetch(), SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, []);`,
      },
    ],
  },
  {
    name: 'login page skips the form for a live session',
    story:
      'So a user whose persisted flag was dropped but who still holds tokens skips the form, the login page checks /auth/me when it mounts and goes to the dashboard.',
    blind: {
      family: 'another-way-in',
      breaks: 'No mount effect makes an auth call: the login page calls /auth/me from a mount effect, twice under StrictMode.',
    },
    edits: [
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: "import { type FormEvent, useState } from 'react';",
        replace: "import { type FormEvent, useEffect, useState } from 'react';",
      },
      {
        file: 'app/web/src/pages/LoginPage.tsx',
        find: `  const notice = reasons[params.get('reason') ?? ''];
`,
        replace: `  const notice = reasons[params.get('reason') ?? ''];

  // Still holding tokens: skip the form if the session is alive.
  useEffect(() => {
    if (!tokens.hasSession()) return;
    api.me().then(
      ({ user }) => {
        signIn(user);
        void navigate('/dashboard', { replace: true });
      },
      () => {},
    );
  }, [navigate, signIn]);
`,
      },
    ],
  },
] satisfies Regression[];
