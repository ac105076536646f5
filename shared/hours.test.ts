import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoomToRun, formatHours, parseHours, resolveTimeFormat } from './hours';

function hoursOf(text: string): number {
  const parsed = parseHours(text);
  if (parsed.kind !== 'hours') throw new Error(`${text} parsed as ${parsed.kind}`);
  return parsed.hours;
}

describe('parseHours', () => {
  it.each([
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['.25', 0.25],
    ['2', 2],
    ['1:30', 1.5],
    [':45', 0.75],
    // Harvest keeps two decimals: five minutes is 0.08 h, which shows as 0:05 again.
    ['0:05', 0.08],
    ['90m', 1.5],
    ['90 min', 1.5],
    ['45 minutes', 0.75],
    ['1h 30m', 1.5],
    ['1h30', 1.5],
    ['1 hr 15 mins', 1.25],
    ['2h', 2],
    ['1.5h', 1.5],
    ['  2H ', 2],
    ['24', 24],
    ['0', 0],
  ])('reads %s as %f hours', (text, hours) => {
    expect(hoursOf(text)).toBeCloseTo(hours, 10);
  });

  it('refuses an amount Harvest would keep as nothing, and rounds the rest to two decimals', () => {
    expect(parseHours('0.0001')).toEqual({
      kind: 'invalid',
      reason: '0.0001 hours is less than Harvest records: the least it keeps is 0.01 hours (36 seconds).',
    });
    expect(parseHours('0:00')).toEqual({ kind: 'hours', hours: 0 });
    expect(parseHours('1.236')).toEqual({ kind: 'hours', hours: 1.24 });
    expect(parseHours('0.005')).toEqual({ kind: 'hours', hours: 0.01 });
    expect(formatHours(hoursOf('0:05'), 'hours_minutes')).toBe('0:05');
  });

  it('treats blank input as empty, which means "start a timer"', () => {
    expect(parseHours('')).toEqual({ kind: 'empty' });
    expect(parseHours('   ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['-1', /negative/],
    ['-0:30', /negative/],
    ['25', /24 hours/],
    ['24:01', /24 hours/],
    ['1500m', /24 hours/],
    ['abc', /not a time/],
    ['1:75', /not a time/],
    ['one hour', /not a time/],
    ['1.2.3', /not a time/],
    ['h', /not a time/],
    ['30m 1h', /not a time/],
  ])('refuses %s with a reason', (text, reason) => {
    const parsed = parseHours(text);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(reason);
  });

  it('never throws and never returns hours outside 0..24, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const parsed = parseHours(text);
        if (parsed.kind === 'hours') {
          expect(parsed.hours).toBeGreaterThanOrEqual(0);
          expect(parsed.hours).toBeLessThanOrEqual(24);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps hours-like strings within range too', () => {
    const hoursLike = fc.stringMatching(/^-?\d{0,3}([.,:]\d{0,3})?\s?(h|m)?$/);
    fc.assert(
      fc.property(hoursLike, (text) => {
        const parsed = parseHours(text);
        if (parsed.kind === 'hours') expect(parsed.hours).toBeLessThanOrEqual(24);
        if (text.trim().startsWith('-')) expect(parsed.kind).toBe('invalid');
      }),
    );
  });
});

describe('formatHours', () => {
  it.each([
    [1.5, 'decimal', '1.50'],
    [0, 'decimal', '0.00'],
    [0.004, 'decimal', '0.00'],
    [8.333, 'decimal', '8.33'],
    [1.5, 'hours_minutes', '1:30'],
    [0.75, 'hours_minutes', '0:45'],
    [0, 'hours_minutes', '0:00'],
    [1.9999, 'hours_minutes', '2:00'],
    [10 + 5 / 60, 'hours_minutes', '10:05'],
    [-0.5, 'hours_minutes', '-0:30'],
  ] as const)('shows %f as %s %s', (hours, format, text) => {
    expect(formatHours(hours, format)).toBe(text);
  });

  it('h:mm parses back to the same hours within a minute, for every hour of a day', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 24, noNaN: true }), (hours) => {
        const back = hoursOf(formatHours(hours, 'hours_minutes'));
        expect(Math.abs(back - hours)).toBeLessThanOrEqual(1 / 60);
      }),
      { numRuns: 2000 },
    );
  });

  it('decimal parses back within the 0.01 h Harvest keeps', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 24, noNaN: true }), (hours) => {
        expect(Math.abs(hoursOf(formatHours(hours, 'decimal')) - hours)).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      }),
    );
  });
});

describe('resolveTimeFormat', () => {
  it('follows the account unless the user chose otherwise', () => {
    expect(resolveTimeFormat('account', 'decimal')).toBe('decimal');
    expect(resolveTimeFormat('account', 'hours_minutes')).toBe('hours_minutes');
    expect(resolveTimeFormat('decimal', 'hours_minutes')).toBe('decimal');
    expect(resolveTimeFormat('hours_minutes', 'decimal')).toBe('hours_minutes');
  });
});

describe('checkRoomToRun', () => {
  it('lets a timer run again on an entry below 24 hours, and refuses in words on a full one', () => {
    expect(checkRoomToRun(0)).toEqual({ ok: true });
    expect(checkRoomToRun(23.99)).toEqual({ ok: true });
    expect(checkRoomToRun(24)).toEqual({ ok: false, reason: expect.stringMatching(/already holds 24 hours/) });
    // Harvest keeps two decimals: 23.999 is 24.00 to it.
    expect(checkRoomToRun(23.999).ok).toBe(false);
  });
});
