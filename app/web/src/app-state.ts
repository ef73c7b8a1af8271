// The app's module-level state: the query cache and the auth store. HMR re-executes
// modules and remounts the root with fresh copies of both; remount() does the same, so
// the suite can replay that in a production build.
import { QueryClient } from '@tanstack/react-query';
import { retryPolicy } from './api/client.ts';
import { recreateAuthStore } from './auth/store.ts';
import { tokens } from './auth/tokens.ts';

const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { ...retryPolicy, refetchOnWindowFocus: false },
      mutations: retryPolicy,
    },
  });

export let queryClient = createQueryClient();

/** Fresh module-level state, as after a hot update. */
export function recreateAppState() {
  queryClient.clear();
  queryClient = createQueryClient();
  recreateAuthStore();
  tokens.forgetMemory();
}
