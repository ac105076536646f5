// When each reminder is due: pure functions of the settings, what was seen and done so far, and
// the moment asked about. Times are the user's local wall-clock times, so a reminder set for 17:30
// is at 17:30 on either side of a daylight-saving change (the day in between is 23 or 25 hours).
//
// Nothing here keeps a backlog: a machine that slept through reminders finds, on waking, at most
// one of each kind due, and only one that still means something (today's, within working hours).
import { addDays as addCalendarDays, startOfDay } from 'date-fns';
import { parseClockTime } from '../../../shared/clockTime';
import type { LocalDate, ReminderSettings, Snooze } from '../../../shared/domain';
import { addDays, toLocalDate } from '../../../shared/localDate';

/** What the reminders remember between checks (and across restarts). */
export interface ReminderMemory {
  /** The last moment a timer was seen running: the no-timer wait starts again from there. */
  timerSeenAt: number | null;
  noTimerRemindedAt: number | null;
  snoozedUntil: number | null;
  /** The day whose end-of-day reminder was shown. */
  endOfDayShownFor: LocalDate | null;
}

export const EMPTY_MEMORY: ReminderMemory = {
  timerSeenAt: null,
  noTimerRemindedAt: null,
  snoozedUntil: null,
  endOfDayShownFor: null,
};

/** The local moment a clock time falls on a day ("17:30" on 2026-03-29). */
export function localMoment(date: LocalDate, clock: string): Date {
  const minutes = parseClockTime(clock) ?? 0;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
}

export function isWorkDay(date: LocalDate, settings: ReminderSettings): boolean {
  return settings.workDays.includes(localMoment(date, '12:00').getDay());
}

export function workingHours(date: LocalDate, settings: ReminderSettings): { start: Date; end: Date } | null {
  if (!isWorkDay(date, settings)) return null;
  return { start: localMoment(date, settings.workStart), end: localMoment(date, settings.workEnd) };
}

/** When the next "no timer is running" reminder is due today; null when none is left today. */
export function nextNoTimerReminder(settings: ReminderSettings, memory: ReminderMemory, now: Date): Date | null {
  if (!settings.noTimer) return null;
  const hours = workingHours(toLocalDate(now), settings);
  if (hours === null) return null;
  const quietSince = Math.max(hours.start.getTime(), memory.timerSeenAt ?? 0, memory.noTimerRemindedAt ?? 0);
  // A snooze chosen after the last reminder (and after the day began) decides the next one.
  const snoozed = memory.snoozedUntil !== null && memory.snoozedUntil > quietSince;
  const next = snoozed ? (memory.snoozedUntil as number) : quietSince + settings.noTimerEveryMinutes * 60_000;
  return next < hours.end.getTime() ? new Date(next) : null;
}

export function noTimerReminderDue(settings: ReminderSettings, memory: ReminderMemory, now: Date): boolean {
  const next = nextNoTimerReminder(settings, memory, now);
  const hours = workingHours(toLocalDate(now), settings);
  // Only within working hours: one missed before they ended is not brought up after.
  return next !== null && hours !== null && next.getTime() <= now.getTime() && now.getTime() < hours.end.getTime();
}

/** The day whose end-of-day reminder is due now, or null. */
export function endOfDayReminderDue(settings: ReminderSettings, memory: ReminderMemory, now: Date): LocalDate | null {
  if (!settings.endOfDay) return null;
  const today = toLocalDate(now);
  if (!isWorkDay(today, settings) || memory.endOfDayShownFor === today) return null;
  return now.getTime() >= localMoment(today, settings.endOfDayAt).getTime() ? today : null;
}

/**
 * When a timer started at `startedAt` is to be stopped: the first auto-stop time after it started
 * (so a sleep over the weekend stops Friday's timer at Friday's time), once that has come.
 */
export function autoStopDue(settings: ReminderSettings, startedAt: Date, now: Date): Date | null {
  if (!settings.autoStop) return null;
  const startDay = toLocalDate(startedAt);
  let moment = localMoment(startDay, settings.autoStopAt);
  if (moment.getTime() <= startedAt.getTime()) moment = localMoment(addDays(startDay, 1), settings.autoStopAt);
  return moment.getTime() <= now.getTime() ? moment : null;
}

/** Until when a snooze holds the no-timer reminder; "rest of the day" is until local midnight. */
export function snoozeUntil(choice: Snooze, now: Date): Date {
  if (choice === '15m') return new Date(now.getTime() + 15 * 60_000);
  if (choice === '1h') return new Date(now.getTime() + 60 * 60_000);
  return startOfDay(addCalendarDays(now, 1));
}
