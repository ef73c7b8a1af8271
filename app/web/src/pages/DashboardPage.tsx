import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useAuthStore } from '../auth/store.ts';
import { tokens } from '../auth/tokens.ts';

export function DashboardPage() {
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: api.dashboard });
  const signOut = useAuthStore((s) => s.signOut);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function leave() {
    await api.logout().catch(() => {});
    tokens.clear();
    signOut();
    queryClient.clear();
    void navigate('/login', { replace: true });
  }

  return (
    <main>
      <h1>Dashboard</h1>
      {dashboard.isPending && <p>Loading…</p>}
      {dashboard.isError && <p role="alert">{dashboard.error.message}</p>}
      {dashboard.data && (
        <>
          <p>Signed in as {dashboard.data.user.email}</p>
          <p>Active sessions: {dashboard.data.activeSessions}</p>
        </>
      )}
      <button type="button" onClick={() => void dashboard.refetch()}>
        Refresh
      </button>
      <button type="button" onClick={() => void leave()}>
        Sign out
      </button>
    </main>
  );
}
