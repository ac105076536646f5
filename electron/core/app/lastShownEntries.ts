// The days Harvest could not be asked about, as the popover last showed them: its query cache on
// disk (./queryCacheFile.ts) under what this run has read. After a start while Harvest is away the
// core has read nothing, and a day answered from that alone would show the waiting changes as the
// whole day: the other entries gone, the day's total wrong, told as if Harvest had said so.
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
 * `read`: the entries this run holds for the days; they win over the snapshot's. The snapshot's
 * entries made offline (provisional ids) and marks are left out: the queue lays its changes over
 * the result as they stand now, and a change sent since must not show as waiting.
 */
export function withLastShown(read: TimeEntry[], snapshot: string | null, range: DayRange): TimeEntry[] {
  const byId = new Map(read.map((entry) => [entry.id, entry]));
  for (const entries of snapshot === null ? [] : readingsIn(snapshot)) {
    for (const entry of entries) {
      if (entry.id < 0 || byId.has(entry.id) || !dayInRange(entry.spentDate, range)) continue;
      const { pending: _pending, ...unmarked } = entry;
      void _pending;
      byId.set(entry.id, unmarked);
    }
  }
  return [...byId.values()];
}
