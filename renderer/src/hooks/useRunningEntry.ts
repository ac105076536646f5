// The running timer wherever it is in the cache, for views that show or check it beyond the day
// or week they list (the review's "left running overnight", a running bar).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { TimeEntry } from '../../../shared/domain';
import { runningCachedEntry } from '../api/entryCache';

export function useRunningEntry(): TimeEntry | null {
  const client = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => client.getQueryCache().subscribe(onChange), [client]);
  // The snapshot is an entry object held by the cache, so it stays the same until the cache changes.
  return useSyncExternalStore(subscribe, () => runningCachedEntry(client));
}
