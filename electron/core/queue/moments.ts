// The real moments a change recorded, in the forms Harvest takes: hours between two instants,
// and a local clock time in the account's 12h or 24h style.
import { formatClockTime } from '../../../shared/clockTime';
import { toHarvestHours } from '../../../shared/hours';

const HOUR_MS = 3_600_000;

/** Hours from one instant to another, as Harvest keeps them (two decimals), never negative. */
export function hoursBetween(from: string | Date, to: string | Date): number {
  const span = new Date(to).getTime() - new Date(from).getTime();
  return toHarvestHours(Math.max(0, span) / HOUR_MS);
}

/** The local time of day of an instant, as the account writes it ("10:45am", "10:45"). */
export function clockOf(moment: string | Date, clock: '12h' | '24h'): string {
  const date = new Date(moment);
  return formatClockTime(date.getHours() * 60 + date.getMinutes(), clock);
}

/** A running entry's hours at a moment: what it had before the timer, plus the timer's span. */
export function hoursAt(entry: { hoursWithoutTimer: number; timerStartedAt: string | null; hours: number }, moment: Date): number {
  if (entry.timerStartedAt === null) return entry.hours;
  return toHarvestHours(entry.hoursWithoutTimer + hoursBetween(entry.timerStartedAt, moment));
}
