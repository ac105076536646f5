import { describe, expect, it } from 'vitest';
import { timeEntry } from './testing/timeEntry';
import type { TimeEntry } from './domain';
import { liveHours } from './elapsed';

function entry(overrides: Partial<TimeEntry>): TimeEntry {
  return timeEntry({ hours: 1.25, hoursWithoutTimer: 1.25, client: null, ...overrides });
}

describe('liveHours', () => {
  it('is the recorded hours for a stopped entry, whatever the time', () => {
    expect(liveHours(entry({ hours: 2.5 }), new Date('2030-01-01T00:00:00Z'))).toBe(2.5);
  });

  it('adds the time since the timer started to the hours recorded before it', () => {
    const running = entry({
      isRunning: true,
      hours: 1.26, // a stale snapshot: must not be used
      hoursWithoutTimer: 1,
      timerStartedAt: '2026-11-21T09:00:00Z',
    });
    expect(liveHours(running, new Date('2026-11-21T09:30:00Z'))).toBeCloseTo(1.5, 10);
    expect(liveHours(running, new Date('2026-11-21T11:00:36Z'))).toBeCloseTo(3.01, 10);
  });

  it('never goes below the recorded hours when the local clock is behind Harvest', () => {
    const running = entry({
      isRunning: true,
      hoursWithoutTimer: 0.5,
      timerStartedAt: '2026-11-21T09:00:00Z',
    });
    expect(liveHours(running, new Date('2026-11-21T08:59:00Z'))).toBe(0.5);
  });

  it('falls back to the snapshot when a running entry has no usable start instant', () => {
    expect(
      liveHours(entry({ isRunning: true, hours: 0.7, timerStartedAt: null }), new Date()),
    ).toBe(0.7);
    expect(
      liveHours(entry({ isRunning: true, hours: 0.7, timerStartedAt: 'soon' }), new Date()),
    ).toBe(0.7);
  });
});
