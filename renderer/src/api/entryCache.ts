// Edits every cached entries list at once, so an optimistic change shows in the day view, the
// week meter and the review together, and can be put back exactly if Harvest refuses it.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TimeEntry } from '../../../shared/domain';
import { liveHours } from '../../../shared/elapsed';
import { entriesKeyCovers, queryKeys } from './queryKeys';

export type EntriesSnapshot = Array<[QueryKey, TimeEntry[] | undefined]>;

export function snapshotEntries(client: QueryClient): EntriesSnapshot {
  return client.getQueriesData<TimeEntry[]>({ queryKey: queryKeys.entriesAll });
}

export function restoreEntries(client: QueryClient, snapshot: EntriesSnapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

function updateAll(client: QueryClient, update: (key: QueryKey, list: TimeEntry[]) => TimeEntry[]): void {
  for (const [key, list] of snapshotEntries(client)) {
    if (list) client.setQueryData<TimeEntry[]>(key, update(key, list));
  }
}

/** Puts an entry in every list whose range holds its date (and out of the others). */
export function upsertEntry(client: QueryClient, entry: TimeEntry, replacesId?: number): void {
  updateAll(client, (key, list) => {
    const rest = list.filter((item) => item.id !== entry.id && item.id !== replacesId);
    return entriesKeyCovers(key, entry.spentDate) ? [entry, ...rest] : rest;
  });
}

export function removeEntry(client: QueryClient, id: number): void {
  updateAll(client, (_key, list) => list.filter((item) => item.id !== id));
}

/** Harvest runs one timer per user: starting one stops the others, frozen at their live hours. */
export function stopRunningEntries(client: QueryClient, now: Date, exceptId?: number): void {
  updateAll(client, (_key, list) =>
    list.map((item) =>
      item.isRunning && item.id !== exceptId ? { ...item, ...stoppedFields(item, now) } : item,
    ),
  );
}

export function stoppedFields(entry: TimeEntry, now: Date): Partial<TimeEntry> {
  const hours = Math.round(liveHours(entry, now) * 100) / 100;
  return { isRunning: false, timerStartedAt: null, hours, hoursWithoutTimer: hours };
}

export function findCachedEntry(client: QueryClient, id: number): TimeEntry | undefined {
  for (const [, list] of snapshotEntries(client)) {
    const found = list?.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Every entry in the cache, each once, most recently touched first. */
export function allCachedEntries(client: QueryClient): TimeEntry[] {
  const byId = new Map<number, TimeEntry>();
  for (const [, list] of snapshotEntries(client)) for (const item of list ?? []) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * The running timer as the cached lists tell it, whatever day it is on (a timer started before
 * midnight runs on yesterday's date, maybe in last week's list). Where lists disagree about an
 * entry, the newest reading wins, and a stopped one wins a tie: never show as running a timer
 * that one reading says has stopped.
 */
export function runningCachedEntry(client: QueryClient): TimeEntry | null {
  const newest = new Map<number, TimeEntry>();
  for (const [, list] of snapshotEntries(client)) {
    for (const item of list ?? []) {
      const held = newest.get(item.id);
      const order = held === undefined ? 1 : Date.parse(item.updatedAt) - Date.parse(held.updatedAt);
      if (order > 0 || (order === 0 && !item.isRunning)) newest.set(item.id, item);
    }
  }
  const running = [...newest.values()].filter((item) => item.isRunning);
  return running.sort((a, b) => (b.timerStartedAt ?? '').localeCompare(a.timerStartedAt ?? ''))[0] ?? null;
}

/**
 * Ids for guesses shown while a write is on its way. Negative like the queue's provisional ids
 * (-1, -2, …) but far below them, so a guess never stands in for an entry the queue keeps.
 */
let nextTemporaryId = -1_000_000_000;
export function temporaryId(): number {
  return nextTemporaryId--;
}

/**
 * Whether the entry's buttons may act on it: Harvest has it, or the queue keeps it under a
 * provisional id (its stop, edit or delete then follows its create). A guess waiting for its
 * reply has neither, and offers none.
 */
export function isConfirmed(entry: TimeEntry): boolean {
  return entry.id > 0 || entry.pending !== undefined;
}
