import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, harvestTimestamp, localDate, parseClock, parseLocalDate } from './clockTime';

describe('clock strings', () => {
  it('formats like Harvest in 12h and 24h accounts', () => {
    expect(formatClock(8 * 60, '12h')).toBe('8:00am');
    expect(formatClock(0, '12h')).toBe('12:00am');
    expect(formatClock(12 * 60 + 5, '12h')).toBe('12:05pm');
    expect(formatClock(14 * 60 + 30, '24h')).toBe('14:30');
    expect(formatClock(8 * 60, '24h')).toBe('8:00');
  });

  it('parses what people type and refuses nonsense', () => {
    expect(parseClock('8am')).toBe(480);
    expect(parseClock('8:15 PM')).toBe(20 * 60 + 15);
    expect(parseClock('12:00am')).toBe(0);
    expect(parseClock('14:30')).toBe(870);
    expect(parseClock('8')).toBe(480);
    for (const text of ['25:00', '13pm', '8:60', '', 'noon']) expect(parseClock(text), text).toBeNull();
  });

  it('reads back every minute of the day it writes, in both clocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.constantFrom('12h' as const, '24h' as const), (minutes, clock) => {
        expect(parseClock(formatClock(minutes, clock))).toBe(minutes);
      }),
    );
  });
});

describe('dates and instants', () => {
  it('uses the local calendar for spent dates, not UTC', () => {
    const lateEvening = new Date(2026, 2, 11, 23, 59);
    expect(localDate(lateEvening)).toBe('2026-03-11');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parseLocalDate('2024-02-29')).not.toBeNull();
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-3-1')).toBeNull();
  });

  it('writes UTC instants without milliseconds', () => {
    expect(harvestTimestamp(new Date(Date.UTC(2026, 2, 11, 9, 5, 7, 123)))).toBe('2026-03-11T09:05:07Z');
  });
});
