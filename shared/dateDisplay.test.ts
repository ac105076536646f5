import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, formatDayHeading, formatNumericDate, numericDatePattern, parseNumericDate } from './dateDisplay';
import { dateFormatSchema } from './domain';
import { toLocalDate } from './localDate';

describe('formatDayHeading', () => {
  it('names today, yesterday and tomorrow, in the order the account writes dates', () => {
    expect(formatDayHeading('2026-11-21', '2026-11-21', '%d/%m/%Y', 'en-GB')).toBe('Today, Sat 21 Nov');
    expect(formatDayHeading('2026-11-20', '2026-11-21', '%d.%m.%Y', 'en-GB')).toBe('Yesterday, Fri 20 Nov');
    expect(formatDayHeading('2026-11-22', '2026-11-21', '%m/%d/%Y', 'en-US')).toBe('Tomorrow, Sun, Nov 22');
  });

  it('leaves the year out for the current year and gives it for another', () => {
    expect(formatDayHeading('2026-11-16', '2026-11-21', '%d/%m/%Y', 'en-GB')).toBe('Mon 16 Nov');
    expect(formatDayHeading('2026-11-16', '2026-11-21', '%m/%d/%Y', 'en-US')).toBe('Mon, Nov 16');
    expect(formatDayHeading('2025-12-31', '2026-01-01', '%d/%m/%Y', 'en-GB')).toBe('Yesterday, Wed 31 Dec 2025');
    expect(formatDayHeading('2025-12-30', '2026-01-01', '%m/%d/%Y', 'en-US')).toBe('Tue, Dec 30, 2025');
    expect(formatDayHeading('2025-12-30', '2026-01-01', '%Y-%m-%d', 'en-US')).toBe('Tue, 2025 Dec 30');
  });

  it("takes the weekday and month names from the user's locale", () => {
    expect(formatDay('2026-12-04', '2026-12-01', '%d.%m.%Y', 'de-DE')).toMatch(/^Fr\.? 4 Dez\.?$/);
  });
});

describe('numeric dates', () => {
  it('writes each of Harvest six formats', () => {
    const date = '2026-12-04';
    expect(formatNumericDate(date, '%m/%d/%Y')).toBe('12/04/2026');
    expect(formatNumericDate(date, '%d/%m/%Y')).toBe('04/12/2026');
    expect(formatNumericDate(date, '%Y-%m-%d')).toBe('2026-12-04');
    expect(formatNumericDate(date, '%d.%m.%Y')).toBe('04.12.2026');
    expect(formatNumericDate(date, '%Y.%m.%d')).toBe('2026.12.04');
    expect(formatNumericDate(date, '%Y/%m/%d')).toBe('2026/12/04');
    expect(numericDatePattern('%d.%m.%Y')).toBe('dd.mm.yyyy');
  });

  it('reads back what it writes, for every format and any date', () => {
    const dates = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }).map(toLocalDate);
    fc.assert(
      fc.property(dates, fc.constantFrom(...dateFormatSchema.options), (date, format) => {
        expect(parseNumericDate(formatNumericDate(date, format), format)).toBe(date);
      }),
    );
  });

  it('takes leading zeros as optional and refuses dates that do not exist or the wrong shape', () => {
    expect(parseNumericDate(' 4/12/2026 ', '%d/%m/%Y')).toBe('2026-12-04');
    expect(parseNumericDate('12/4/2026', '%m/%d/%Y')).toBe('2026-12-04');
    expect(parseNumericDate('31/02/2026', '%d/%m/%Y')).toBeNull();
    expect(parseNumericDate('2026-12-04', '%d/%m/%Y')).toBeNull();
    expect(parseNumericDate('13/13/2026', '%d/%m/%Y')).toBeNull();
    expect(parseNumericDate('', '%m/%d/%Y')).toBeNull();
    expect(parseNumericDate('1/2/26', '%m/%d/%Y')).toBeNull();
  });
});
