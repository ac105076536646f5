// A zone far from UTC makes any accidental UTC arithmetic show up as the wrong day.
process.env.TZ = 'Pacific/Auckland';

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, checkTimesheetDate, isLocalDate, toLocalDate, weekDays } from './localDate';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('toLocalDate', () => {
  it('is the local calendar date, not the UTC one, near midnight', () => {
    // 11:30 UTC on the 20th is 00:30 on the 21st in Auckland (UTC+13 in November).
    expect(toLocalDate(new Date('2026-11-20T11:30:00Z'))).toBe('2026-11-21');
    // 10:59 UTC is still 23:59 on the 20th.
    expect(toLocalDate(new Date('2026-11-20T10:59:00Z'))).toBe('2026-11-20');
  });

  it('follows the zone the user is in', () => {
    process.env.TZ = 'America/Los_Angeles';
    try {
      // 07:30 UTC on the 21st is 23:30 on the 20th in Los Angeles.
      expect(toLocalDate(new Date('2026-11-21T07:30:00Z'))).toBe('2026-11-20');
    } finally {
      process.env.TZ = 'Pacific/Auckland';
    }
  });
});

describe('addDays', () => {
  it('moves by calendar days across months, years and leap days', () => {
    expect(addDays('2026-11-21', 1)).toBe('2026-11-22');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-21', 0)).toBe('2026-11-21');
  });

  it('is not thrown off by daylight saving changes', () => {
    // Auckland moves its clocks forward on 27 Sep 2026 and back on 5 Apr 2026.
    expect(addDays('2026-09-26', 1)).toBe('2026-09-27');
    expect(addDays('2026-09-27', 1)).toBe('2026-09-28');
    expect(addDays('2026-04-05', -1)).toBe('2026-04-04');
    expect(addDays('2026-04-04', 2)).toBe('2026-04-06');
  });

  it('undoes itself for any date and any number of days', () => {
    const dates = fc
      .date({
        min: new Date('1990-01-01T12:00:00Z'),
        max: new Date('2090-01-01T12:00:00Z'),
        noInvalidDate: true,
      })
      .map(toLocalDate);
    fc.assert(
      fc.property(dates, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });

  it('refuses text that is not a date', () => {
    expect(() => addDays('21/11/2026', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-21T10:00', 1)).toThrow(RangeError);
  });
});

describe('weekDays', () => {
  // 21 Nov 2026 is a Saturday.
  it('starts on Monday', () => {
    expect(weekDays('2026-11-21', 'Monday')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('starts on Sunday', () => {
    const days = weekDays('2026-11-21', 'Sunday');
    expect(days[0]).toBe('2026-11-15');
    expect(days[6]).toBe('2026-11-21');
  });

  it('starts on Saturday, including the Saturday itself', () => {
    const days = weekDays('2026-11-21', 'Saturday');
    expect(days[0]).toBe('2026-11-21');
    expect(days[6]).toBe('2026-11-27');
  });

  it('always gives 7 consecutive days containing the date', () => {
    const dates = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
      .map(toLocalDate);
    const starts = fc.constantFrom('Monday', 'Sunday', 'Saturday') as fc.Arbitrary<
      'Monday' | 'Sunday' | 'Saturday'
    >;
    fc.assert(
      fc.property(dates, starts, (date, start) => {
        const days = weekDays(date, start);
        expect(days).toHaveLength(7);
        expect(days).toContain(date);
        days.slice(1).forEach((day, index) => expect(addDays(days[index] ?? '', 1)).toBe(day));
      }),
    );
  });
});

describe('isLocalDate', () => {
  it('takes only real calendar dates written YYYY-MM-DD', () => {
    for (const text of ['2024-02-29', '2026-12-31', '1900-01-01', '9999-12-31']) expect(isLocalDate(text), text).toBe(true);
    for (const text of ['2025-02-29', '2025-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '20260101', ''])
      expect(isLocalDate(text), text).toBe(false);
  });
});

describe('checkTimesheetDate', () => {
  const today = '2026-11-21';

  it('takes every day from 1 January 2000 to a year from today', () => {
    for (const date of ['2000-01-01', '2024-02-29', today, '2027-11-21']) {
      expect(checkTimesheetDate(date, today)).toEqual({ ok: true, date });
    }
  });

  it.each([
    ['', 'Enter the date of the entry.'],
    ['2025-02-30', '“2025-02-30” is not a day on the calendar.'],
    ['21/11/2026', '“21/11/2026” is not a date. Write it like 2026-11-21.'],
    ['1999-12-31', '31 December 1999 is too long ago: entries can go back to 1 January 2000.'],
    ['1900-01-01', '1 January 1900 is too long ago: entries can go back to 1 January 2000.'],
    ['2027-11-22', '22 November 2027 is too far ahead: entries can be at most a year from today (21 November 2027).'],
    ['9999-12-31', '31 December 9999 is too far ahead: entries can be at most a year from today (21 November 2027).'],
  ])('refuses %j in words', (text, reason) => {
    expect(checkTimesheetDate(text, today)).toEqual({ ok: false, reason });
  });
});
