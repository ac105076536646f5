// Harvest's spent_date is the user's local calendar date; working it out in UTC picks the wrong
// day near midnight. Everything here works on local calendar days through date-fns.
import {
  addDays as addCalendarDays,
  format,
  isValid,
  parseISO,
  startOfWeek,
} from 'date-fns';
import type { LocalDate } from './domain';

const LOCAL_DATE_FORMAT = 'yyyy-MM-dd';
const WEEK_STARTS_ON = { Sunday: 0, Monday: 1, Saturday: 6 } as const;

function toDate(date: LocalDate): Date {
  // parseISO reads a date-only string as local midnight. (date-fns' `parse` would do too, but it
  // brings every format token's parser into the popover's bundle for this one fixed shape.)
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseISO(date) : new Date(Number.NaN);
  if (!isValid(parsed) || format(parsed, LOCAL_DATE_FORMAT) !== date) {
    throw new RangeError(`Not a local date: ${date}`);
  }
  // Noon keeps a daylight-saving change from pushing the date across midnight.
  parsed.setHours(12);
  return parsed;
}

export function toLocalDate(date: Date): LocalDate {
  return format(date, LOCAL_DATE_FORMAT);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(addCalendarDays(toDate(date), days));
}

export function weekDays(
  date: LocalDate,
  weekStartDay: 'Monday' | 'Sunday' | 'Saturday',
): LocalDate[] {
  const first = startOfWeek(toDate(date), { weekStartsOn: WEEK_STARTS_ON[weekStartDay] });
  return Array.from({ length: 7 }, (_, index) => toLocalDate(addCalendarDays(first, index)));
}
