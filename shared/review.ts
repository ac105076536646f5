// The figures of the daily and weekly review, computed from the entries the app already holds.
import { parseClockTime } from './clockTime';
import type { LocalDate, TimeEntry } from './domain';
import { liveHours } from './elapsed';
import { toLocalDate } from './localDate';

export interface ProjectTotal {
  projectId: number;
  projectName: string;
  clientName: string | null;
  hours: number;
}

export interface DayTotal {
  date: LocalDate;
  hours: number;
}

export interface TimelineIssue {
  kind: 'gap' | 'overlap';
  /** Clock strings as the account writes them ("8:00am" or "14:30"). */
  from: string;
  to: string;
  minutes: number;
  /** The span in minutes after the day's midnight, to fill it (a new entry) or find it. */
  start: number;
  end: number;
  entryIds: number[];
}

export function dayTotal(entries: TimeEntry[], now: Date): number {
  return entries.reduce((sum, entry) => sum + liveHours(entry, now), 0);
}

/** Hours per project, largest first (then by name, so equal totals keep a stable order). */
export function projectTotals(entries: TimeEntry[], now: Date): ProjectTotal[] {
  const byProject = new Map<number, ProjectTotal>();
  for (const entry of entries) {
    const total = byProject.get(entry.project.id) ?? {
      projectId: entry.project.id,
      projectName: entry.project.name,
      clientName: entry.client?.name ?? null,
      hours: 0,
    };
    total.hours += liveHours(entry, now);
    byProject.set(entry.project.id, total);
  }
  return [...byProject.values()].sort(
    (a, b) => b.hours - a.hours || a.projectName.localeCompare(b.projectName),
  );
}

/** One total per requested day, in the order given, zero where nothing was tracked. */
export function weekTotals(entries: TimeEntry[], days: LocalDate[], now: Date): DayTotal[] {
  const byDate = new Map<LocalDate, number>(days.map((date) => [date, 0]));
  for (const entry of entries) {
    const sum = byDate.get(entry.spentDate);
    if (sum !== undefined) byDate.set(entry.spentDate, sum + liveHours(entry, now));
  }
  return days.map((date) => ({ date, hours: byDate.get(date) ?? 0 }));
}

interface TimedEntry {
  id: number;
  spentDate: LocalDate;
  start: number;
  end: number;
  startText: string;
  endText: string;
}

const MINUTES_PER_DAY = 24 * 60;

/** Where an entry sits on its day's timeline; a running timer reaches now (or midnight, if begun on an earlier day). */
function timed(entry: TimeEntry, now: Date): TimedEntry | null {
  if (entry.startedTime === null) return null;
  const start = parseClockTime(entry.startedTime);
  if (start === null) return null;
  if (entry.endedTime === null) {
    if (!entry.isRunning) return null;
    const end = entry.spentDate === toLocalDate(now) ? now.getHours() * 60 + now.getMinutes() : MINUTES_PER_DAY;
    return { id: entry.id, spentDate: entry.spentDate, start, end: Math.max(start, end), startText: entry.startedTime, endText: 'now' };
  }
  const end = parseClockTime(entry.endedTime);
  if (end === null) return null;
  // An entry that ends "before" it starts ran past midnight.
  return {
    id: entry.id,
    spentDate: entry.spentDate,
    start,
    end: end < start ? end + MINUTES_PER_DAY : end,
    startText: entry.startedTime,
    endText: entry.endedTime,
  };
}

/**
 * Every gap between and overlap of entries with start and end times within each day's working
 * window (its first start to its last end, a running timer counting up to `now`). Duration-only
 * entries have no place on the timeline and are left out.
 */
export function findGapsAndOverlaps(entries: TimeEntry[], now: Date): TimelineIssue[] {
  const byDay = new Map<LocalDate, TimedEntry[]>();
  for (const entry of entries) {
    const item = timed(entry, now);
    if (item) byDay.set(item.spentDate, [...(byDay.get(item.spentDate) ?? []), item]);
  }

  const issues: TimelineIssue[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const day = (byDay.get(date) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    let latest: TimedEntry | undefined;
    for (const item of day) {
      if (latest === undefined) {
        latest = item;
        continue;
      }
      if (item.start > latest.end) {
        issues.push({
          kind: 'gap',
          from: latest.endText,
          to: item.startText,
          minutes: item.start - latest.end,
          start: latest.end,
          end: item.start,
          entryIds: [latest.id, item.id],
        });
      } else if (item.start < latest.end) {
        const overlapEndsWithItem = item.end <= latest.end;
        const end = Math.min(item.end, latest.end);
        issues.push({
          kind: 'overlap',
          from: item.startText,
          to: overlapEndsWithItem ? item.endText : latest.endText,
          minutes: end - item.start,
          start: item.start,
          end,
          entryIds: [latest.id, item.id],
        });
      }
      if (item.end > latest.end) latest = item;
    }
  }
  return issues;
}

/** Timers still running from an earlier day: someone probably forgot to stop them. */
export function runningPastMidnight(entries: TimeEntry[], today: LocalDate): TimeEntry[] {
  return entries.filter((entry) => entry.isRunning && entry.spentDate < today);
}
