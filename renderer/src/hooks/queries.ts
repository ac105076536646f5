// Server state, one hook per channel. Reference data is long-lived; entries refresh on a slow
// interval (and on popover show, through the event wiring).
import { useQuery } from '@tanstack/react-query';
import type { LocalDate } from '../../../shared/domain';
import { call } from '../api/bridge';
import { queryKeys } from '../api/queryKeys';

const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('session.get', {}), staleTime: Infinity });
}

export function useMe(enabled = true) {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => call('account.me', {}), staleTime: ONE_HOUR, enabled });
}

export function useCompany(enabled = true) {
  return useQuery({
    queryKey: queryKeys.company,
    queryFn: () => call('account.company', {}),
    staleTime: ONE_HOUR,
    enabled,
  });
}

export function useChoices(enabled = true) {
  return useQuery({
    queryKey: queryKeys.choices,
    queryFn: () => call('choices.projects', {}),
    staleTime: FIVE_MINUTES,
    enabled,
  });
}

export function useEntries(from: LocalDate, to: LocalDate, enabled = true) {
  return useQuery({
    queryKey: queryKeys.entries(from, to),
    queryFn: () => call('entries.list', { from, to }),
    refetchInterval: FIVE_MINUTES,
    enabled,
  });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}), staleTime: Infinity });
}

export function useSyncState() {
  return useQuery({ queryKey: queryKeys.sync, queryFn: () => call('sync.get', {}), staleTime: Infinity });
}

/** The changes Harvest has not confirmed, oldest first; kept current by the 'queue.changed' event. */
export function usePendingChanges(enabled = true) {
  return useQuery({ queryKey: queryKeys.queue, queryFn: () => call('queue.list', {}), staleTime: Infinity, enabled });
}

export function useShortcuts() {
  return useQuery({ queryKey: queryKeys.shortcuts, queryFn: () => call('shortcuts.status', {}), staleTime: Infinity });
}

/** What this host can do: the settings view offers only what works here. */
export function useCapabilities() {
  return useQuery({ queryKey: queryKeys.capabilities, queryFn: () => call('app.capabilities', {}), staleTime: Infinity });
}

/** The idle question waiting for an answer, kept current by the 'idle.changed' event. */
export function useIdleQuestion(enabled = true) {
  return useQuery({ queryKey: queryKeys.idleQuestion, queryFn: () => call('idle.question', {}), staleTime: Infinity, enabled });
}

/** The reminder to show until dismissed, kept current by the 'reminders.changed' event. */
export function useReminder(enabled = true) {
  return useQuery({ queryKey: queryKeys.reminder, queryFn: () => call('reminders.current', {}), staleTime: Infinity, enabled });
}

/** What the app reset on its own (files set aside), until dismissed; kept current by 'notices.changed'. */
export function useNotices() {
  return useQuery({ queryKey: queryKeys.notices, queryFn: () => call('notices.list', {}), staleTime: Infinity });
}
