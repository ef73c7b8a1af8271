import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { api, neverRetry } from './api/client.ts';
import { useAuthStore, useSignedIn } from './auth/store.ts';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

const SESSION_CHECK_INTERVAL_MS = 30_000;

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !neverRetry(error) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Asks the server who we are on every page and every 30 s, like the incident apps did. */
function SessionCheck() {
  const setUser = useAuthStore((s) => s.setUser);
  useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const { user } = await api.me();
      setUser(user);
      return user;
    },
    refetchInterval: SESSION_CHECK_INTERVAL_MS,
  });
  return null;
}

function ProtectedRoute({ children }: { children: ReactNode }) {
  return useSignedIn() ? children : <Navigate to="/login" replace />;
}

function PublicRoute({ children }: { children: ReactNode }) {
  return useSignedIn() ? <Navigate to="/dashboard" replace /> : children;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionCheck />
        <Routes>
          <Route path="/login" element={<PublicRoute><LoginPage /></PublicRoute>} />
          <Route path="/dashboard" element={<ProtectedRoute><DashboardPage /></ProtectedRoute>} />
          <Route path="*" element={<Navigate to="/dashboard" replace />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
