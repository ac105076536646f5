import { QueryClient } from '@tanstack/react-query';
import { isBridgeError } from './bridge';

/** Kinds where asking again cannot help until the user acts. */
const hopeless = new Set(['signed-out', 'forbidden', 'not-found', 'validation', 'locked', 'rejected']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The bridge is local: react-query must not pause when the browser thinks it is offline;
        // the main process decides what offline means and answers from its own cache.
        networkMode: 'always',
        staleTime: 30_000,
        gcTime: 24 * 60 * 60 * 1000,
        retry: (failureCount, error) => !(isBridgeError(error) && hopeless.has(error.kind)) && failureCount < 1,
        refetchOnWindowFocus: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
