// Local dates, local clock strings and Harvest's timestamp format. spent_date and
// started_time/ended_time are the user's local calendar and clock (Harvest quirk: computing
// "today" in UTC picks the wrong day near midnight), while created_at and friends are UTC.
import { addMinutes, format, parseISO, startOfDay } from 'date-fns';
import { isLocalDate } from '../../shared/localDate';

export function localDate(instant: Date): string {
  return format(instant, 'yyyy-MM-dd');
}

/**
 * Local midnight of a real calendar date written as YYYY-MM-DD, or null. Which texts are dates is
 * the app's one rule (shared/localDate.ts); Harvest, unlike the app, takes any year.
 */
export function parseLocalDate(text: string): Date | null {
  return isLocalDate(text) ? parseISO(text) : null;
}

export function minutesAfterMidnight(instant: Date): number {
  return instant.getHours() * 60 + instant.getMinutes();
}

/** The local instant at `minutes` after midnight of the local date `date`. */
export function localInstant(date: string, minutes: number): Date {
  const day = parseLocalDate(date) ?? startOfDay(new Date());
  return addMinutes(day, minutes);
}

/**
 * Clock strings are read and written by the app's one grammar (shared/clockTime.ts). Harvest's
 * documentation shows its format ("8:00am", "14:30") but not which other spellings it refuses, so
 * the simulator has no different rule of its own to keep: a second copy could only drift.
 */
export { formatClockTime as formatClock, parseClockTime as parseClock } from '../../shared/clockTime';

/** Harvest writes UTC instants without milliseconds: 2017-06-27T16:01:23Z. */
export function harvestTimestamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / 3_600_000;
}
