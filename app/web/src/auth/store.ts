// The persisted auth store. Its flag is a hint for the UI, never proof of a session:
// isSignedIn() is the one place that decides.
import { useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { User } from '../../../shared/api-types.ts';
import { bugOn, thisPage } from '../bugs.ts';
import { storageKeys } from '../../../shared/storage-keys.ts';
import { tokens } from './tokens.ts';

interface AuthState {
  isAuthenticated: boolean;
  user: User | null;
  signIn(user: User): void;
  setUser(user: User): void;
  signOut(): void;
}

// Hydrated from localStorage as it is created, so the fresh copy a hot update makes starts out whole.
export const authStore = createStore<AuthState>()(
  persist(
    (set) => ({
      isAuthenticated: false,
      user: null,
      signIn: (user) => set({ isAuthenticated: true, user }),
      setUser: (user) => set({ user }),
      signOut: () => set({ isAuthenticated: false, user: null }),
    }),
    {
      name: storageKeys.authStore,
      partialize: ({ isAuthenticated, user }) => ({ isAuthenticated, user }),
      // A flag rehydrated without the tokens behind it is stale: drop it before any guard reads it.
      onRehydrateStorage: () => (state) => {
        if (state && state.isAuthenticated && !isSignedIn(state)) state.signOut();
      },
    },
  ),
);

export const useAuthStore = <T>(selector: (state: AuthState) => T): T => useStore(authStore, selector);

/** Signed in means the flag and real tokens together. */
export function isSignedIn(state: Pick<AuthState, 'isAuthenticated'>): boolean {
  if (bugOn(thisPage, 'stale-persisted-auth')) return state.isAuthenticated;
  return state.isAuthenticated && tokens.hasSession();
}

export const useSignedIn = () => useAuthStore(isSignedIn);
