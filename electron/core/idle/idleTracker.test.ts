import { describe, expect, it } from 'vitest';
import { IdleTracker } from './idleTracker';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const min = (minutes: number) => new Date(T0 + minutes * 60_000);
const stretch = (from: number, to: number) => ({ from: min(from), to: min(to) });

/** Readings every 15 s from `from` to `to` minutes, with the idle time growing from `idleAt`. */
function readIdle(tracker: IdleTracker, from: number, to: number, idleSince: number) {
  const reports = [];
  for (let t = from; t <= to; t += 0.25) {
    const report = tracker.reading(min(t), Math.max(0, (t - idleSince) * 60));
    if (report) reports.push(report);
  }
  return reports;
}

describe('IdleTracker', () => {
  it('reports a stretch of idleness once, from the last input to the first input back', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    expect(readIdle(tracker, 0, 30, 5)).toEqual([]);
    expect(tracker.isAway()).toBe(true);
    // At 30:15 the reading shows input 10 s ago: back at 30:05.
    const back = tracker.reading(new Date(T0 + 30.25 * 60_000), 10);
    expect(back).toEqual({ from: min(5), to: new Date(T0 + 30.25 * 60_000 - 10_000) });
    expect(tracker.reading(min(31), 0)).toBeNull();
  });

  it('ignores pauses under a minute', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    expect(readIdle(tracker, 0, 0.75, 0)).toEqual([]);
    expect(tracker.reading(min(1), 0)).toBeNull();
    expect(tracker.isAway()).toBe(false);
  });

  it('a locked screen counts from the moment of locking, and the user is back at the unlock', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    readIdle(tracker, 0, 2, 100);
    tracker.lock(min(2));
    // Readings while locked (the idle time may even reset) change nothing.
    expect(readIdle(tracker, 2.25, 39.75, 100)).toEqual([]);
    expect(tracker.unlock(min(40))).toEqual(stretch(2, 40));
  });

  it('idleness that ended in a lock counts from the last input before it', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    readIdle(tracker, 0, 8, 3);
    tracker.lock(min(8));
    expect(tracker.unlock(min(20))).toEqual(stretch(3, 20));
  });

  it('sleep counts from its first moment; waking into the lock screen waits for the unlock', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    tracker.reading(min(0), 0);
    tracker.lock(min(10));
    tracker.suspend(min(10.5));
    expect(tracker.resume(min(90))).toBeNull();
    expect(tracker.unlock(min(91))).toEqual(stretch(10, 91));
  });

  it('waking without a lock is being back', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    tracker.suspend(min(10));
    expect(tracker.resume(min(70))).toEqual(stretch(10, 70));
    // The idle counter may still hold the time from before the sleep: it is not reported twice.
    expect(tracker.reading(min(70.25), 60 * 60)).toBeNull();
    expect(tracker.reading(min(70.5), 1)).toBeNull();
  });

  it('a sleep the desktop did not announce shows as a gap in the readings', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    tracker.reading(min(0), 0);
    tracker.reading(min(0.25), 0);
    // Nothing between 0:15 and 45:00: the machine slept. The user typed 5 s before this reading.
    expect(tracker.reading(min(45), 5)).toEqual({ from: min(0.25), to: new Date(T0 + 45 * 60_000 - 5_000) });
  });

  it('lock and sleep together are one stretch, however the events interleave', () => {
    const tracker = new IdleTracker({ readingIntervalMs: 15_000 });
    tracker.suspend(min(5));
    tracker.lock(min(6));
    expect(tracker.unlock(min(7))).toBeNull();
    expect(tracker.resume(min(30))).toEqual(stretch(5, 30));
  });
});
