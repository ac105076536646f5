// One builder of domain time entries for every test; each test overrides what it relies on.
import type { TimeEntry } from '../domain';

export function timeEntry(overrides: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: 1,
    spentDate: '2026-11-21',
    hours: 1,
    hoursWithoutTimer: 1,
    notes: null,
    isRunning: false,
    timerStartedAt: null,
    startedTime: null,
    endedTime: null,
    isLocked: false,
    lockedReason: null,
    billable: true,
    client: { id: 5, name: 'Acme' },
    project: { id: 10, name: 'Website', code: null },
    task: { id: 20, name: 'Design' },
    createdAt: '2026-11-21T08:00:00Z',
    updatedAt: '2026-11-21T08:00:00Z',
    ...overrides,
  };
}
