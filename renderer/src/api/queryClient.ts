import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isBridgeError } from './bridge';
import { queryKeys } from './queryKeys';

/** Kinds where asking again cannot help until the user acts. */
const hopeless = new Set(['signed-out', 'forbidden', 'not-found', 'validation', 'locked', 'rejected']);

/** Tries after Harvest answered 429 and the main process stopped waiting it out. */
const RATE_LIMITED_RETRIES = 3;

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
        retry: (failureCount, error) => {
          if (isBridgeError(error) && hopeless.has(error.kind)) return false;
          // Harvest asking to slow down says when to come back: a few more tries cost little then.
          const limit = isBridgeError(error) && error.kind === 'rate-limited' ? RATE_LIMITED_RETRIES : 1;
          return failureCount < limit;
        },
        retryDelay: (failureCount, error) =>
          isBridgeError(error) && error.retryAfterSeconds !== undefined
            ? error.retryAfterSeconds * 1000
            : Math.min(1000 * 2 ** failureCount, 30_000),
        refetchOnWindowFocus: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return client;
}
