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
] satisfies Regression[];
