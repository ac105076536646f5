// The entries the core has seen lately: what the tray shows (the running timer, the last entry)
// and what lets a locked entry be refused without asking Harvest again.
import type { LocalDate, TimeEntry } from '../../../shared/domain';

export interface DayRange {
  from: LocalDate;
  to: LocalDate;
}

/** What an entry looked like at one reading: its day and everything a refresh could change. */
export type EntryVersions = ReadonlyMap<number, { spentDate: LocalDate; version: string }>;

/** Newest first: by day, then by when the entry was created. */
export function compareNewestFirst(a: TimeEntry, b: TimeEntry): number {
  if (a.spentDate !== b.spentDate) return a.spentDate < b.spentDate ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.id - a.id;
}

/**
 * Most recently worked on first: by day, then by when Harvest last changed the entry. Resuming
 * work means the entry just stopped or edited, not the one created last: stop, then quick
 * restart, continues the same work.
 */
export function compareRecentlyWorked(a: TimeEntry, b: TimeEntry): number {
  if (a.spentDate !== b.spentDate) return a.spentDate < b.spentDate ? 1 : -1;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return b.id - a.id;
}

export class EntryLedger {
  private readonly entries = new Map<number, TimeEntry>();
  private runningRead = false;

  /** Whether this run has read from Harvest which timer runs (an older view's is then out of date). */
  knowsWhatRuns(): boolean {
    return this.runningRead;
  }

  get(id: number): TimeEntry | undefined {
    return this.entries.get(id);
  }

  remember(entry: TimeEntry): void {
    // Harvest moves updated_at with every change, so a reading older than the one held is a read
    // that left before a change and came back after it: keeping it would undo the change here.
    const held = this.entries.get(entry.id);
    if (held !== undefined && isOlder(entry, held)) return;
    // Harvest runs one timer per user: a newly running entry means any other has stopped.
    if (entry.isRunning) this.markStoppedExcept(entry.id);
    this.entries.set(entry.id, entry);
  }

  forget(id: number): void {
    this.entries.delete(id);
  }

  /** A fresh reading of which entries run: every other known entry has stopped. */
  setRunning(running: TimeEntry[]): void {
    this.runningRead = true;
    const ids = new Set(running.map((entry) => entry.id));
    for (const [id, entry] of this.entries) {
      if (entry.isRunning && !ids.has(id)) this.entries.set(id, { ...entry, isRunning: false, timerStartedAt: null });
    }
    for (const entry of running) this.entries.set(entry.id, entry);
  }

  /** A complete reading of these days: what it does not hold was deleted elsewhere. */
  replaceDays(range: DayRange, entries: TimeEntry[]): void {
    const seen = new Set(entries.map((entry) => entry.id));
    for (const [id, entry] of this.entries) {
      if (dayInRange(entry.spentDate, range) && !seen.has(id)) this.entries.delete(id);
    }
    for (const entry of entries) this.remember(entry);
  }

  /** The entries of these days as held now, to compare with a later reading (changedDates). */
  versions(range: DayRange): EntryVersions {
    const versions = new Map<number, { spentDate: LocalDate; version: string }>();
    for (const [id, entry] of this.entries) {
      if (!dayInRange(entry.spentDate, range)) continue;
      // A timer stopped by a reading of what runs keeps its timestamp, so the state is part of it.
      // A running entry's hours are a snapshot taken at each reply: they are no change.
      const hours = entry.isRunning ? '' : entry.hours;
      const version = [entry.updatedAt, entry.isRunning, entry.timerStartedAt, hours].join('|');
      versions.set(id, { spentDate: entry.spentDate, version });
    }
    return versions;
  }

  /** Every entry held on these days, as last read (what an offline view starts from). */
  inRange(range: DayRange): TimeEntry[] {
    return [...this.entries.values()].filter((entry) => dayInRange(entry.spentDate, range));
  }

  running(): TimeEntry | null {
    return [...this.entries.values()].filter((entry) => entry.isRunning).sort(compareNewestFirst)[0] ?? null;
  }

  /** The entry last worked on, on or before today (a future-dated entry is not "the last one"). */
  last(today: LocalDate): TimeEntry | null {
    return (
      [...this.entries.values()].filter((entry) => entry.spentDate <= today).sort(compareRecentlyWorked)[0] ?? null
    );
  }

  private markStoppedExcept(id: number): void {
    for (const [otherId, entry] of this.entries) {
      if (otherId !== id && entry.isRunning) {
        this.entries.set(otherId, { ...entry, isRunning: false, timerStartedAt: null });
      }
    }
  }
}

/** The days, oldest first, on which an entry appeared, disappeared or changed between two readings. */
export function changedDates(before: EntryVersions, after: EntryVersions): LocalDate[] {
  const dates = new Set<LocalDate>();
  for (const [id, old] of before) {
    const now = after.get(id);
    if (now === undefined || now.version !== old.version || now.spentDate !== old.spentDate) {
      dates.add(old.spentDate);
      if (now !== undefined) dates.add(now.spentDate);
    }
  }
  for (const [id, now] of after) if (!before.has(id)) dates.add(now.spentDate);
  return [...dates].sort();
}

export function dayInRange(date: LocalDate, range: DayRange): boolean {
  return range.from <= date && date <= range.to;
}

function isOlder(entry: TimeEntry, than: TimeEntry): boolean {
  const at = Date.parse(entry.updatedAt);
  const heldAt = Date.parse(than.updatedAt);
  return !Number.isNaN(at) && !Number.isNaN(heldAt) && at < heldAt;
}
