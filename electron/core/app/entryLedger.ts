// The entries the core has seen lately: what the tray shows (the running timer, the last entry)
// and what lets a locked entry be refused without asking Harvest again.
import type { LocalDate, TimeEntry } from '../../../shared/domain';

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

  get(id: number): TimeEntry | undefined {
    return this.entries.get(id);
  }

  remember(entry: TimeEntry): void {
    // Harvest runs one timer per user: a newly running entry means any other has stopped.
    if (entry.isRunning) this.markStoppedExcept(entry.id);
    this.entries.set(entry.id, entry);
  }

  forget(id: number): void {
    this.entries.delete(id);
  }

  /** A fresh reading of which entries run: every other known entry has stopped. */
  setRunning(running: TimeEntry[]): void {
    const ids = new Set(running.map((entry) => entry.id));
    for (const [id, entry] of this.entries) {
      if (entry.isRunning && !ids.has(id)) this.entries.set(id, { ...entry, isRunning: false, timerStartedAt: null });
    }
    for (const entry of running) this.entries.set(entry.id, entry);
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
