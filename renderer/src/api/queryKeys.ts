// One key per channel and input, so invalidation can target exactly what an event says changed.
import type { LocalDate } from '../../../shared/domain';
import { PERSISTED_QUERY_CHANNELS } from '../../../shared/persistedQueries';

export const queryKeys = {
  session: ['session'] as const,
  me: ['me'] as const,
  company: ['company'] as const,
  choices: ['choices'] as const,
  settings: ['settings'] as const,
  sync: ['sync'] as const,
  /** The pending-changes queue (queue.list), kept current by 'queue.changed'. */
  queue: ['queue'] as const,
  shortcuts: ['shortcuts'] as const,
  capabilities: ['capabilities'] as const,
  idleQuestion: ['idleQuestion'] as const,
  reminder: ['reminder'] as const,
  notices: ['notices'] as const,
  /** The named accounts (the switcher, settings); read again at every ask: the command line may add one. */
  accounts: ['accounts'] as const,
  entriesAll: ['entries'] as const,
  entries: (from: LocalDate, to: LocalDate) => ['entries', from, to] as const,
};

/** The queries worth keeping on disk between launches, so the popover opens with data. */
export const persistedRoots: ReadonlySet<string> = new Set(Object.keys(PERSISTED_QUERY_CHANNELS));

/** Whether an entries query key covers a date (keys hold an inclusive from..to range). */
export function entriesKeyCovers(key: readonly unknown[], date: LocalDate): boolean {
  const [root, from, to] = key;
  return root === 'entries' && typeof from === 'string' && typeof to === 'string' && from <= date && date <= to;
}
