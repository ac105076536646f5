// Turns what the main process announces into cache updates and UI moves.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { showSession } from '../api/accountChange';
import { onEvent } from '../api/bridge';
import { stopRunningEntries, upsertEntry } from '../api/entryCache';
import { entriesKeyCovers, queryKeys } from '../api/queryKeys';
import { useNoticeStore } from '../stores/noticeStore';
import { useUiStore, type View } from '../stores/uiStore';
import { showSettings } from './useUpdateSettings';

function invalidateDates(client: QueryClient, dates: string[]) {
  return client.invalidateQueries({
    queryKey: queryKeys.entriesAll,
    predicate: (query) => dates.some((date) => entriesKeyCovers(query.queryKey, date)),
  });
}

/**
 * State the main process pushes is newer than any reading of it still on its way (the first
 * reading on a busy machine can answer after a push): that reading is cancelled first, or its
 * older answer would land on top and, say, take an idle question off the screen as it came up.
 */
function showPushed<T>(client: QueryClient, queryKey: readonly unknown[], value: T): void {
  void client.cancelQueries({ queryKey, exact: true }).then(() => client.setQueryData(queryKey, value));
}

const viewFor: Record<EventPayload<'ui.navigate'>['view'], View> = {
  today: 'day',
  'new-entry': 'entry-form',
  review: 'review',
  settings: 'settings',
};

export function useBridgeEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const ui = useUiStore.getState;
    const unsubscribers = [
      onEvent('entries.changed', ({ dates }) => void invalidateDates(client, dates)),
      onEvent('timer.changed', ({ running }) => {
        if (running) {
          stopRunningEntries(client, new Date(), running.id);
          upsertEntry(client, running);
          void invalidateDates(client, [running.spentDate]);
        } else {
          // Stopped elsewhere (or here): no list, on screen or not, may go on showing it running.
          stopRunningEntries(client, new Date());
          void client.invalidateQueries({ queryKey: queryKeys.entriesAll });
        }
      }),
      // Signed out, another account, or the same one again (api/accountChange.ts).
      onEvent('session.changed', (session) => showSession(client, session)),
      // An idle question put off with "Later" is asked again each time the popover opens.
      onEvent('ui.shown', () => useNoticeStore.getState().deferIdle(null)),
      onEvent('ui.navigate', ({ view, date }) => {
        if (view === 'new-entry') ui().openNewEntry(date ?? null);
        else {
          if (date) ui().showDay(date);
          ui().showView(viewFor[view]);
        }
      }),
      onEvent('sync.changed', (state) => showPushed(client, queryKeys.sync, state)),
      onEvent('queue.changed', (changes) => {
        showPushed(client, queryKeys.queue, changes);
        // Entries are shown with the queue's changes laid over them (a provisional id becomes
        // Harvest's, a refusal marks its entry): every change to the queue changes what they show.
        void client.invalidateQueries({ queryKey: queryKeys.entriesAll });
      }),
      onEvent('notices.changed', (notices) => showPushed(client, queryKeys.notices, notices)),
      onEvent('settings.changed', (settings) => showSettings(client, settings)),
      onEvent('shortcuts.changed', (status) => showPushed(client, queryKeys.shortcuts, status)),
      onEvent('idle.changed', (question) => showPushed(client, queryKeys.idleQuestion, question)),
      onEvent('reminders.changed', (reminder) => showPushed(client, queryKeys.reminder, reminder)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);
}
