// Local dates, local clock strings and Harvest's timestamp format. spent_date and
// started_time/ended_time are the user's local calendar and clock (Harvest quirk: computing
// "today" in UTC picks the wrong day near midnight), while created_at and friends are UTC.
import { addMinutes, format, isValid, parse, startOfDay } from 'date-fns';

export function localDate(instant: Date): string {
  return format(instant, 'yyyy-MM-dd');
}

/** A real calendar date written as YYYY-MM-DD, or null. */
export function parseLocalDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parsed = parse(text, 'yyyy-MM-dd', new Date());
  return isValid(parsed) ? parsed : null;
}

export function minutesAfterMidnight(instant: Date): number {
  return instant.getHours() * 60 + instant.getMinutes();
}

/** The local instant at `minutes` after midnight of the local date `date`. */
export function localInstant(date: string, minutes: number): Date {
  const day = parseLocalDate(date) ?? startOfDay(new Date());
  return addMinutes(day, minutes);
}

/** "8:00am" on 12-hour accounts, "8:00" / "14:30" on 24-hour accounts. */
export function formatClock(minutes: number, clock: '12h' | '24h'): string {
  const hours = Math.floor(minutes / 60) % 24;
  const mins = String(minutes % 60).padStart(2, '0');
  if (clock === '24h') return `${hours}:${mins}`;
  const suffix = hours < 12 ? 'am' : 'pm';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${mins}${suffix}`;
}

/** Accepts what Harvest's web forms accept: "8:00am", "8am", "8:00 PM", "14:30". */
export function parseClock(text: string): number | null {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*([ap]m)?\s*$/i.exec(text);
  if (!match) return null;
  const [, hourText, minuteText, meridiem] = match;
  let hours = Number(hourText);
  const minutes = minuteText === undefined ? 0 : Number(minuteText);
  if (minuteText === undefined && meridiem === undefined) return null;
  if (minutes > 59) return null;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    hours = (hours % 12) + (pm ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return hours * 60 + minutes;
}

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
