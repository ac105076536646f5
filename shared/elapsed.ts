// Hours an entry holds at this moment. Harvest's `hours` is a two-decimal snapshot taken when it
// replied (0.01 h = 36 s), so a running timer is computed from when it was last started.
import type { TimeEntry } from './domain';

const MS_PER_HOUR = 3_600_000;

export function liveHours(entry: TimeEntry, now: Date): number {
  if (!entry.isRunning || entry.timerStartedAt === null) return entry.hours;
  const startedAt = Date.parse(entry.timerStartedAt);
  if (Number.isNaN(startedAt)) return entry.hours;
  // A clock slightly behind Harvest's must not make a fresh timer go backwards.
  const running = Math.max(0, now.getTime() - startedAt) / MS_PER_HOUR;
  return entry.hoursWithoutTimer + running;
}

/** A running timer's reading, to the second: "0:00:07", "1:05:30". Never negative. */
export function formatTimerReading(hours: number): string {
  const seconds = Math.max(0, Math.floor(hours * 3600 + 1e-6));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
