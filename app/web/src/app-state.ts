// The app's query cache, shared by every page. A hot update that re-executes this module
// hands the root a fresh, empty cache, and every page fetches again.
import { QueryClient } from '@tanstack/react-query';
import { retryPolicy } from './api/client.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { ...retryPolicy, refetchOnWindowFocus: false },
    mutations: retryPolicy,
  },
});
