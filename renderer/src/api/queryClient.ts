import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isBridgeError } from './bridge';
import { queryKeys } from './queryKeys';

/** Kinds where asking again cannot help until the user acts. */
const hopeless = new Set(['signed-out', 'forbidden', 'not-found', 'validation', 'locked', 'rejected']);

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // Harvest refusing the token on any read means the session is over: ask the main process,
    // whose answer (signed out, with the reason) brings back the sign-in screen.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isBridgeError(error) && error.kind === 'signed-out' && query.queryKey[0] !== 'session') {
          void client.invalidateQueries({ queryKey: queryKeys.session });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isBridgeError(error) && error.kind === 'signed-out') void client.invalidateQueries({ queryKey: queryKeys.session });
      },
    }),
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
  return client;
}
