// What the popover shows is asked for again whenever Harvest may have moved while no one looked:
// a show, a page (re)load, the page coming back into view, the core's news after a wake-up. The
// cached list stays on screen meanwhile (react-query keeps a query's data while it refetches).
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';

/**
 * Asks again for the entries on screen. A request already on its way is joined, not replaced, so
 * a burst of shows and focus events costs one request (and the core shares it with its refresh).
 */
export function revalidateShownEntries(client: QueryClient): Promise<void> {
  return client.refetchQueries({ queryKey: queryKeys.entriesAll, type: 'active' }, { cancelRefetch: false });
}

/** Entries restored from disk are what was last seen, not what is: shown at once, asked again on mount. */
export function markEntriesUnconfirmed(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.entriesAll, refetchType: 'none' });
}
