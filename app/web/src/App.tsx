import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { BrowserRouter, NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { api, renewOnStart } from './api/client.ts';
import { queryClient } from './app-state.ts';
import { authStore, useAuthStore, useSignedIn } from './auth/store.ts';
import { tokens } from './auth/tokens.ts';
import { bugOn, thisPage } from './bugs.ts';
import { AppErrorBoundary } from './error-boundary.tsx';
import { HealthBanner } from './health-banner.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { JobsPage } from './pages/JobsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { useMountEffectCount } from './render-count.ts';
import { SESSION_CHECK_MS } from './timers.ts';

/**
 * Asks the server who we are on every page and every 30 s, like the incident apps did.
 * Only a 401 that no refresh mends ends the session (the client's call); a check that got
 * no answer, as while the api restarts, is retried and then left to the next one.
 */
function SessionCheck() {
  const setUser = useAuthStore((s) => s.setUser);
  const check = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const { user } = await api.me();
      setUser(user);
      return user;
    },
    refetchInterval: SESSION_CHECK_MS,
  });
  // Renews nothing unless bug 'refresh-on-mount' is on: the session is renewed when refused.
  useEffect(() => void renewOnStart(), []);
  useMountEffectCount('SessionCheck');
  // Bug 'failed-check-signs-out': the original app signed out on any failed check.
  const signOutOnFailure = bugOn(thisPage, 'failed-check-signs-out') && check.isError;
  useEffect(() => {
    if (!signOutOnFailure) return;
    tokens.clear();
    authStore.getState().signOut();
  }, [signOutOnFailure]);
  return null;
}

const titles: Record<string, string> = { '/login': 'Sign in', '/dashboard': 'Dashboard', '/jobs': 'Jobs' };

/** Names the tab after the page; it reads the route, so it must render inside the router. */
function PageTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${titles[pathname] ?? 'App'} · Incident suite`;
  }, [pathname]);
  return null;
}

function ProtectedRoute({ children }: { children: ReactNode }) {
  if (!useSignedIn()) return <Navigate to="/login" replace />;
  return (
    <>
      <nav aria-label="Main">
        <NavLink to="/dashboard">Dashboard</NavLink> <NavLink to="/jobs">Jobs</NavLink>
      </nav>
      <HealthBanner />
      {children}
    </>
  );
}

function PublicRoute({ children }: { children: ReactNode }) {
  return useSignedIn() ? <Navigate to="/dashboard" replace /> : children;
}

export function App() {
  // Once per mount of the root, before any page renders; a hot update keeps the root mounted.
  useState(tokens.hydrate);
  // Order matters: the error boundary outside, then the router, then everything that reads the route.
  const reordered = bugOn(thisPage, 'router-hook-outside-router');
  return (
    <QueryClientProvider client={queryClient}>
      <AppErrorBoundary>
        {reordered && <PageTitle />}
        <BrowserRouter>
          {!reordered && <PageTitle />}
          <SessionCheck />
          <Routes>
            <Route
              path="/login"
              element={
                <PublicRoute>
                  <LoginPage />
                </PublicRoute>
              }
            />
            <Route
              path="/dashboard"
              element={
                <ProtectedRoute>
                  <DashboardPage />
                </ProtectedRoute>
              }
            />
            <Route
              path="/jobs"
              element={
                <ProtectedRoute>
                  <JobsPage />
                </ProtectedRoute>
              }
            />
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </BrowserRouter>
      </AppErrorBoundary>
    </QueryClientProvider>
  );
}
