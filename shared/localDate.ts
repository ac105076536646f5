// Harvest's spent_date is the user's local calendar date; working it out in UTC picks the wrong
// day near midnight. Everything here works on local calendar days through date-fns.
import {
  addDays as addCalendarDays,
  addYears,
  format,
  isValid,
  parseISO,
  startOfWeek,
} from 'date-fns';

/**
 * `YYYY-MM-DD`, as domain.ts's LocalDate; named here rather than imported, because the schemas
 * there use the rules here and the two files must not import each other.
 */
type LocalDate = string;

const LOCAL_DATE_FORMAT = 'yyyy-MM-dd';
const WEEK_STARTS_ON = { Sunday: 0, Monday: 1, Saturday: 6 } as const;

/** The calendar day `text` names at local noon, or null when it is not a real YYYY-MM-DD date. */
function readLocalDate(text: string): Date | null {
  // parseISO reads a date-only string as local midnight. (date-fns' `parse` would do too, but it
  // brings every format token's parser into the popover's bundle for this one fixed shape.)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parsed = parseISO(text);
  // Writing it back catches what parsing rolls over: 2025-02-30 would read as 2 March.
  if (!isValid(parsed) || format(parsed, LOCAL_DATE_FORMAT) !== text) return null;
  // Noon keeps a daylight-saving change from pushing the date across midnight.
  parsed.setHours(12);
  return parsed;
}

function toDate(date: LocalDate): Date {
  const parsed = readLocalDate(date);
  if (parsed === null) throw new RangeError(`Not a local date: ${date}`);
  return parsed;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isLocalDate(text: string): boolean {
  return readLocalDate(text) !== null;
}

/**
 * The days a timesheet entry can be written on. Harvest itself takes any date, so a slip of the
 * keyboard (0205 for 2025, 9999-12-31) would be saved and billed on a day nobody will look at:
 * - nothing before 2000: Harvest started in 2006, so earlier dates are typos, not old work;
 * - nothing more than a year ahead of today: time is recorded for work done or planned soon.
 */
export const EARLIEST_TIMESHEET_DATE = '2000-01-01';
const LATEST_TIMESHEET_YEARS_AHEAD = 1;

export function latestTimesheetDate(today: LocalDate): LocalDate {
  return toLocalDate(addYears(toDate(today), LATEST_TIMESHEET_YEARS_AHEAD));
}

export type TimesheetDateCheck = { ok: true; date: LocalDate } | { ok: false; reason: string };

/** The one check of a date typed or sent for an entry: real, and within the bounds above. */
export function checkTimesheetDate(text: string, today: LocalDate = toLocalDate(new Date())): TimesheetDateCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter the date of the entry.' };
  const day = readLocalDate(trimmed);
  if (day === null) {
    return /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
      ? { ok: false, reason: `${quote(trimmed)} is not a day on the calendar.` }
      : { ok: false, reason: `${quote(trimmed)} is not a date. Write it like 2026-11-21.` };
  }
  if (trimmed < EARLIEST_TIMESHEET_DATE) {
    return { ok: false, reason: `${format(day, 'd MMMM yyyy')} is too long ago: entries can go back to 1 January 2000.` };
  }
  const latest = latestTimesheetDate(today);
  if (trimmed > latest) {
    return {
      ok: false,
      reason: `${format(day, 'd MMMM yyyy')} is too far ahead: entries can be at most a year from today (${format(toDate(latest), 'd MMMM yyyy')}).`,
    };
  }
  return { ok: true, date: trimmed };
}

function quote(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
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
