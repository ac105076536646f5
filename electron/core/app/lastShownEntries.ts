// The entries Harvest could not be asked about, as the popover last showed them: its query cache
// on disk (./queryCacheFile.ts), under what this run has read. After a restart while Harvest is
// away the core has read nothing: a day answered from the waiting changes alone would show them as
// the whole day (the other entries gone, the day's total wrong, told as if Harvest had said so),
// and the timer the popover shows could not be stopped.
import { channels } from '../../../shared/contract';
import type { TimeEntry } from '../../../shared/domain';
import { PERSISTED_QUERY_CHANNELS } from '../../../shared/persistedQueries';
import { dayInRange, type DayRange } from './entryLedger';
import { snapshotQueries } from './queryCacheFile';

const ENTRIES_ROOT = 'entries' satisfies keyof typeof PERSISTED_QUERY_CHANNELS;

/** The popover's readings of entries in the snapshot, newest first. */
function readingsIn(snapshot: string): TimeEntry[][] {
  return (snapshotQueries(snapshot) ?? [])
    .flatMap((query) => {
      if (query.queryKey[0] !== ENTRIES_ROOT) return [];
      const entries = channels[PERSISTED_QUERY_CHANNELS[ENTRIES_ROOT]].response.safeParse(query.state.data);
      return entries.success ? [{ at: query.state.dataUpdatedAt, entries: entries.data }] : [];
    })
    .sort((a, b) => b.at - a.at)
    .map((reading) => reading.entries);
}

/**
 * Every entry in the snapshot, each as its newest reading showed it. Entries made offline
 * (provisional ids) and marks are left out: the queue lays its changes over the result as they
 * stand now, and a change sent since must not show as waiting.
 */
export function lastShownEntries(snapshot: string | null): TimeEntry[] {
  const byId = new Map<number, TimeEntry>();
  for (const entries of snapshot === null ? [] : readingsIn(snapshot)) {
    for (const entry of entries) {
      if (entry.id < 0 || byId.has(entry.id)) continue;
      const { pending: _pending, ...unmarked } = entry;
      void _pending;
      byId.set(entry.id, unmarked);
    }
  }
  return [...byId.values()];
}

/**
 * Several views of the same entries (the popover's, the command line's) as one: each entry as
 * Harvest last changed it, and one timer running at most, the one started last (Harvest runs one).
 */
export function newestShown(views: TimeEntry[]): TimeEntry[] {
  const byId = new Map<number, TimeEntry>();
  for (const entry of views) {
    const held = byId.get(entry.id);
    if (held === undefined || Date.parse(entry.updatedAt) > Date.parse(held.updatedAt)) byId.set(entry.id, entry);
  }
  const running = [...byId.values()].filter((entry) => entry.isRunning);
  const last = running.sort((a, b) => Date.parse(b.timerStartedAt ?? '') - Date.parse(a.timerStartedAt ?? ''))[0];
  for (const entry of running) {
    if (entry !== last) byId.set(entry.id, { ...entry, isRunning: false, timerStartedAt: null });
  }
  return [...byId.values()];
}

/**
 * `read`: the entries this run holds for the days; they win over those last shown. Once this run
 * has read which timer runs (`runningKnown`), or holds one running, a timer shown running before
 * is not taken to run still: Harvest runs one timer, and this run's reading is the newer.
 */
export function withLastShown(read: TimeEntry[], lastShown: TimeEntry[], range: DayRange, runningKnown = false): TimeEntry[] {
  const byId = new Map(read.map((entry) => [entry.id, entry]));
  const stopShownTimers = runningKnown || read.some((entry) => entry.isRunning);
  for (const entry of lastShown) {
    if (byId.has(entry.id) || !dayInRange(entry.spentDate, range)) continue;
    byId.set(entry.id, stopShownTimers && entry.isRunning ? { ...entry, isRunning: false, timerStartedAt: null } : entry);
  }
  return [...byId.values()];
}
