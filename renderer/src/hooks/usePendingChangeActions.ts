// What the user can do with a change Harvest refused: send it again, fix its entry, or drop it.
// The queue answers each with its new list, shown at once (the 'queue.changed' event follows).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PendingChange, TimeEntry } from '../../../shared/domain';
import { call, describeError } from '../api/bridge';
import { findCachedEntry } from '../api/entryCache';
import { queryKeys } from '../api/queryKeys';
import { useUiStore } from '../stores/uiStore';

/** The entry a change is about, as shown (with the queue's changes), from the cache or its day. */
async function entryOf(client: QueryClient, change: PendingChange): Promise<TimeEntry | undefined> {
  const cached = findCachedEntry(client, change.entryId);
  if (cached) return cached;
  const day = await call('entries.list', { from: change.spentDate, to: change.spentDate });
  return day.find((entry) => entry.id === change.entryId);
}

export function usePendingChangeActions() {
  const client = useQueryClient();
  const setAlert = useUiStore((state) => state.setAlert);
  const openEditEntry = useUiStore((state) => state.openEditEntry);
  const showList = (changes: PendingChange[]) => client.setQueryData(queryKeys.queue, changes);

  const retry = useMutation({
    mutationFn: (change: PendingChange) => call('queue.retry', { id: change.id }),
    onSuccess: showList,
    onError: (error) => setAlert(`The change was not sent again: ${describeError(error)}`),
  });
  const discard = useMutation({
    mutationFn: (change: PendingChange) => call('queue.discard', { id: change.id }),
    onSuccess: showList,
    onError: (error) => setAlert(`The change was not discarded: ${describeError(error)}`),
  });
  const edit = useMutation({
    mutationFn: (change: PendingChange) => entryOf(client, change),
    onSuccess: (entry) => {
      if (entry) openEditEntry(entry);
      else setAlert('That entry is not shown any more: discard the change, or retry it as it is.');
    },
    onError: (error) => setAlert(`The entry could not be opened: ${describeError(error)}`),
  });
  return { retry, discard, edit };
}
