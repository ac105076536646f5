// Start/end-time accounts record a time range, not hours; the popover's form asks for hours.
// These turn typed hours into the range Harvest stores: ending now for today (the work just
// happened), from 9:00 on another day, and never crossing midnight.
import { formatClockTime, parseClockTime } from '../../../shared/clockTime';

/** Harvest keeps an entry within its day: the latest end time there is. */
export const LAST_MINUTE = 24 * 60 - 1;
const WORKDAY_START = 9 * 60;

export interface ClockRange {
  startedTime: string;
  endedTime: string;
}

export function rangeForHours(options: {
  hours: number;
  isToday: boolean;
  now: Date;
  clock: '12h' | '24h';
}): ClockRange {
  const length = Math.min(Math.round(options.hours * 60), LAST_MINUTE);
  let end = options.isToday ? options.now.getHours() * 60 + options.now.getMinutes() : WORKDAY_START + length;
  if (end > LAST_MINUTE) end = LAST_MINUTE;
  let start = end - length;
  if (start < 0) {
    start = 0;
    end = length;
  }
  return { startedTime: formatClockTime(start, options.clock), endedTime: formatClockTime(end, options.clock) };
}

/** Keeps an entry's start and moves its end so it holds `hours`; null when it has no start. */
export function rangeFromStart(startedTime: string | null, hours: number, clock: '12h' | '24h'): ClockRange | null {
  const start = startedTime === null ? null : parseClockTime(startedTime);
  if (start === null) return null;
  const end = Math.min(start + Math.round(hours * 60), LAST_MINUTE);
  return { startedTime: formatClockTime(start, clock), endedTime: formatClockTime(end, clock) };
}
