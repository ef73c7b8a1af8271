import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { BrowserRouter, NavLink, Navigate, Route, Routes } from 'react-router';
import { api } from './api/client.ts';
import { queryClient } from './app-state.ts';
import { useAuthStore, useSignedIn } from './auth/store.ts';
import { tokens } from './auth/tokens.ts';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { JobsPage } from './pages/JobsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';

const SESSION_CHECK_INTERVAL_MS = 30_000;

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
  if (!useSignedIn()) return <Navigate to="/login" replace />;
  return (
    <>
      <nav aria-label="Main">
        <NavLink to="/dashboard">Dashboard</NavLink> <NavLink to="/jobs">Jobs</NavLink>
      </nav>
      {children}
    </>
  );
}

function PublicRoute({ children }: { children: ReactNode }) {
  return useSignedIn() ? <Navigate to="/dashboard" replace /> : children;
}

export function App() {
  // Effects run children first: by the time this one runs, pages have sent their requests.
  useEffect(() => tokens.loadMemory(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionCheck />
        <Routes>
          <Route path="/login" element={<PublicRoute><LoginPage /></PublicRoute>} />
          <Route path="/dashboard" element={<ProtectedRoute><DashboardPage /></ProtectedRoute>} />
          <Route path="/jobs" element={<ProtectedRoute><JobsPage /></ProtectedRoute>} />
          <Route path="*" element={<Navigate to="/dashboard" replace />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
