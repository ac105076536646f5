import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClockTime, normalizeClockTime, parseClockTime } from './clockTime';

describe('parseClockTime', () => {
  it.each([
    ['8:00am', 8 * 60],
    ['8am', 8 * 60],
    ['8:05 AM', 8 * 60 + 5],
    ['8:05 a.m.', 8 * 60 + 5],
    ['12:00am', 0],
    ['12:30am', 30],
    ['12:00pm', 12 * 60],
    ['1:15pm', 13 * 60 + 15],
    ['11:59pm', 23 * 60 + 59],
    ['14:30', 14 * 60 + 30],
    ['08:00', 8 * 60],
    ['0:00', 0],
    ['23:59', 23 * 60 + 59],
    ['9', 9 * 60],
  ])('reads %s as %i minutes after midnight', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
  });

  it.each(['', 'noon', '24:00', '13:00pm', '0:30am', '8:60', '8:5', '8m', '-1:00', '8:00xm'])(
    'refuses %s',
    (text) => {
      expect(parseClockTime(text)).toBeNull();
    },
  );

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const minutes = parseClockTime(text);
        if (minutes !== null) {
          expect(minutes).toBeGreaterThanOrEqual(0);
          expect(minutes).toBeLessThan(24 * 60);
        }
      }),
    );
  });
});

describe('formatClockTime', () => {
  it('writes the 12h clock as Harvest does', () => {
    expect(formatClockTime(0, '12h')).toBe('12:00am');
    expect(formatClockTime(8 * 60, '12h')).toBe('8:00am');
    expect(formatClockTime(12 * 60 + 5, '12h')).toBe('12:05pm');
    expect(formatClockTime(23 * 60 + 59, '12h')).toBe('11:59pm');
  });

  it('writes the 24h clock as Harvest does, without a leading zero', () => {
    expect(formatClockTime(0, '24h')).toBe('0:00');
    expect(formatClockTime(8 * 60, '24h')).toBe('8:00');
    expect(formatClockTime(14 * 60 + 30, '24h')).toBe('14:30');
  });

  it('wraps minutes past midnight onto the next day', () => {
    expect(formatClockTime(24 * 60 + 15, '24h')).toBe('0:15');
    expect(formatClockTime(-15, '12h')).toBe('11:45pm');
  });

  it('round-trips every minute of the day on both clocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.constantFrom('12h', '24h') as fc.Arbitrary<'12h' | '24h'>,
        (minutes, clock) => {
          expect(parseClockTime(formatClockTime(minutes, clock))).toBe(minutes);
        },
      ),
    );
  });
});

describe('normalizeClockTime', () => {
  it.each([
    ['9am', '9:00am'],
    ['9:05 PM', '9:05pm'],
    ['8:05 a.m.', '8:05am'],
    ['9', '9:00'],
    ['08:00', '8:00'],
    ['14:30', '14:30'],
  ])('writes %s as %s', (text, written) => {
    expect(normalizeClockTime(text)).toBe(written);
  });

  it.each(['25:00', '9:75', '13:00pm', '99:99', 'noon'])('refuses %s', (text) => {
    expect(normalizeClockTime(text)).toBeNull();
  });
});
