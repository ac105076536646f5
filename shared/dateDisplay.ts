// How dates read on screen: one grammar for the whole popover. The account's `date_format`
// (Harvest's /company) decides the order of day, month and year, and the numeric form typed in the
// entry form; the user's locale gives the names of weekdays and months.
import { differenceInCalendarDays } from 'date-fns';
import type { DateFormat, LocalDate } from './domain';

/** Harvest's own default for a new account; also what a cache saved before the field existed gets. */
export const DEFAULT_DATE_FORMAT: DateFormat = '%m/%d/%Y';

type Order = 'dmy' | 'mdy' | 'ymd';

function orderOf(format: DateFormat): Order {
  if (format.startsWith('%d')) return 'dmy';
  if (format.startsWith('%m')) return 'mdy';
  return 'ymd';
}

function parts(date: LocalDate): { year: number; month: number; day: number; at: Date } {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  // Noon: the weekday of a date never depends on a daylight-saving hour.
  return { year, month, day, at: new Date(year, month - 1, day, 12) };
}

/** "Fri 4 Dec" (day first) or "Fri, Dec 4" (month first); the year only when it is not `today`'s. */
export function formatDay(date: LocalDate, today: LocalDate, format: DateFormat, locale?: string): string {
  const { year, day, at } = parts(date);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(at);
  const month = new Intl.DateTimeFormat(locale, { month: 'short' }).format(at);
  const withYear = year !== parts(today).year;
  switch (orderOf(format)) {
    case 'dmy':
      return `${weekday} ${day} ${month}${withYear ? ` ${year}` : ''}`;
    case 'mdy':
      return `${weekday}, ${month} ${day}${withYear ? `, ${year}` : ''}`;
    case 'ymd':
      return withYear ? `${weekday}, ${year} ${month} ${day}` : `${weekday}, ${month} ${day}`;
  }
}

/** The day view's heading: today and its neighbours by name, then the day. */
export function formatDayHeading(date: LocalDate, today: LocalDate, format: DateFormat, locale?: string): string {
  const day = formatDay(date, today, format, locale);
  const offset = differenceInCalendarDays(parts(date).at, parts(today).at);
  if (offset === 0) return `Today, ${day}`;
  if (offset === -1) return `Yesterday, ${day}`;
  if (offset === 1) return `Tomorrow, ${day}`;
  return day;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The date as the account writes it in numbers: "12/04/2026", "04.12.2026", "2026-12-04". */
export function formatNumericDate(date: LocalDate, format: DateFormat): string {
  const { year, month, day } = parts(date);
  return format.replace('%Y', pad(year, 4)).replace('%m', pad(month, 2)).replace('%d', pad(day, 2));
}

/** A hint of the shape to type: "mm/dd/yyyy". */
export function numericDatePattern(format: DateFormat): string {
  return format.replace('%Y', 'yyyy').replace('%m', 'mm').replace('%d', 'dd');
}

/**
 * Reads a date typed in the account's format (leading zeros optional); null when it is not one.
 * A real calendar date only: "31/02/2026" is not.
 */
export function parseNumericDate(text: string, format: DateFormat): LocalDate | null {
  // Every Harvest format puts its one separator right after the first token ("%d/", "%Y-").
  const separator = format.charAt(2);
  const fields = text.trim().split(separator);
  const tokens = format.split(separator);
  if (fields.length !== 3 || tokens.length !== 3) return null;
  const value = (token: string) => {
    const field = fields[tokens.indexOf(token)] ?? '';
    return /^\d{1,4}$/.test(field) ? Number(field) : Number.NaN;
  };
  const year = value('%Y');
  const month = value('%m');
  const day = value('%d');
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  // A day past the month's end rolls over in Date, so a changed day or month means no such date.
  const real = new Date(year, month - 1, day, 12);
  if (real.getMonth() !== month - 1 || real.getDate() !== day) return null;
  return date;
}
