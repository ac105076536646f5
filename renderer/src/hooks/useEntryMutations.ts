// Start, stop, restart, create and edit: each shows its result at once and is put back, with the
// reason in an alert, if Harvest refuses it. The reply then replaces the guess.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import type { TimeEntry } from '../../../shared/domain';
import { call, describeError } from '../api/bridge';
import {
  findCachedEntry,
  restoreEntries,
  snapshotEntries,
  stopRunningEntries,
  stoppedFields,
  upsertEntry,
  type EntriesSnapshot,
} from '../api/entryCache';
import { optimisticEntry, type EntryDraft } from '../api/optimisticEntry';
import { queryKeys } from '../api/queryKeys';
import { useUiStore } from '../stores/uiStore';

type Context = { snapshot: EntriesSnapshot; shownId: number | undefined };

type Options<V> = {
  send: (variables: V) => Promise<TimeEntry>;
  /** Applies the expected result to the cache; returns the id of the entry it shows, if any. */
  apply: (client: QueryClient, variables: V, now: Date) => number | undefined;
  failure: string;
};

function useOptimisticEntryMutation<V>({ send, apply, failure }: Options<V>) {
  const client = useQueryClient();
  const setAlert = useUiStore((state) => state.setAlert);
  return useMutation<TimeEntry, Error, V, Context>({
    mutationFn: send,
    onMutate: async (variables) => {
      // A refetch landing after the guess would overwrite it with stale data.
      await client.cancelQueries({ queryKey: queryKeys.entriesAll });
      const snapshot = snapshotEntries(client);
      const shownId = apply(client, variables, new Date());
      setAlert(null);
      return { snapshot, shownId };
    },
    onError: (error, _variables, context) => {
      if (context) restoreEntries(client, context.snapshot);
      setAlert(`${failure}: ${describeError(error)}`);
    },
    onSuccess: (entry, _variables, context) => {
      if (entry.isRunning) stopRunningEntries(client, new Date(), entry.id);
      upsertEntry(client, entry, context?.shownId);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.entriesAll }),
  });
}

export type StartVariables = { request: RequestOf<'timer.start'>; draft: EntryDraft };
export type CreateVariables = { request: RequestOf<'entries.create'>; draft: EntryDraft };
export type UpdateVariables = { request: RequestOf<'entries.update'>; shown: TimeEntry };

export function useStartTimer() {
  return useOptimisticEntryMutation<StartVariables>({
    send: (variables) => call('timer.start', variables.request),
    apply: (client, { draft }, now) => {
      stopRunningEntries(client, now);
      const entry = optimisticEntry({ ...draft, running: true }, now);
      upsertEntry(client, entry);
      return entry.id;
    },
    failure: 'The timer did not start',
  });
}

export function useStopTimer() {
  return useOptimisticEntryMutation<{ id: number }>({
    send: (variables) => call('timer.stop', variables),
    apply: (client, { id }, now) => {
      const entry = findCachedEntry(client, id);
      if (entry) upsertEntry(client, { ...entry, ...stoppedFields(entry, now) });
      return id;
    },
    failure: 'The timer did not stop',
  });
}

export function useRestartTimer() {
  return useOptimisticEntryMutation<{ id: number }>({
    send: (variables) => call('timer.restart', variables),
    apply: (client, { id }, now) => {
      stopRunningEntries(client, now, id);
      const entry = findCachedEntry(client, id);
      if (entry) {
        upsertEntry(client, {
          ...entry,
          isRunning: true,
          timerStartedAt: now.toISOString(),
          hoursWithoutTimer: entry.hours,
        });
      }
      // Start/end-time accounts may answer with a new entry: the reply replaces nothing then.
      return undefined;
    },
    failure: 'The timer did not restart',
  });
}

export function useCreateEntry() {
  return useOptimisticEntryMutation<CreateVariables>({
    send: (variables) => call('entries.create', variables.request),
    apply: (client, { draft }, now) => {
      if (draft.running) stopRunningEntries(client, now);
      const entry = optimisticEntry(draft, now);
      upsertEntry(client, entry);
      return entry.id;
    },
    failure: 'The entry was not saved',
  });
}

export function useUpdateEntry() {
  return useOptimisticEntryMutation<UpdateVariables>({
    send: (variables) => call('entries.update', variables.request),
    apply: (client, { shown }) => {
      upsertEntry(client, shown);
      return shown.id;
    },
    failure: 'The change was not saved',
  });
}
