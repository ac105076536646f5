// Domain time entries for the desktop adapters' tests.
import type { TimeEntry } from '../../../shared/domain';
import { timeEntry as sharedTimeEntry } from '../../../shared/testing/timeEntry';

export function timeEntry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  return sharedTimeEntry({
    id: 101,
    spentDate: '2026-03-02',
    hours: 1.25,
    hoursWithoutTimer: 1.25,
    client: { id: 1, name: 'Acme' },
    project: { id: 2, name: 'Website', code: null },
    task: { id: 3, name: 'Design' },
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T09:15:00Z',
    ...overrides,
  });
}

/** A timer started `minutesAgo` before `now`, on top of `hoursWithoutTimer`. */
export function runningEntry(now: Date, minutesAgo: number, overrides: Partial<TimeEntry> = {}): TimeEntry {
  return timeEntry({
    isRunning: true,
    hoursWithoutTimer: 0,
    hours: minutesAgo / 60,
    timerStartedAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
    ...overrides,
  });
}
