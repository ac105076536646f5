// What to write to Harvest when the user answers the idle question: a pure function of the
// running entry (as Harvest last said), the times away, the answer and the moment of answering.
//
// The timer's run since it was last started is cut into worked and idle stretches. Duration
// accounts keep hours, so the entry's hours are set to what was worked. Start/end-time accounts
// keep clock times within one day, so the entry ends where idling began, worked stretches after
// that become entries of their own, and nothing crosses midnight.
import { addDays, startOfDay } from 'date-fns';
import { formatClockTime } from '../../../shared/clockTime';
import type { IdleAnswer, LocalDate, TimeEntry } from '../../../shared/domain';
import { toLocalDate } from '../../../shared/localDate';
import { LAST_MINUTE } from '../app/clockRange';
import type { EntryChange, NewEntry } from './entryChange';

const MS_PER_HOUR = 3_600_000;

export interface Stretch {
  from: Date;
  to: Date;
}

export interface IdleDecisionInput {
  /** The entry that ran while the user was away, as Harvest says it is now. */
  entry: TimeEntry;
  spans: Stretch[];
  answer: IdleAnswer;
  /** The moment the answer is carried out. */
  now: Date;
  account: { wantsTimestampTimers: boolean; clock: '12h' | '24h' };
}

export type IdleDecision =
  | { outcome: 'not-running'; changes: []; idleMs: 0 }
  | { outcome: 'not-idle'; changes: []; idleMs: 0 }
  | { outcome: 'keep' | 'change'; changes: EntryChange[]; idleMs: number };

export function decideIdle(input: IdleDecisionInput): IdleDecision {
  const { entry, answer, now } = input;
  const startedAt = entry.isRunning && entry.timerStartedAt !== null ? new Date(entry.timerStartedAt) : null;
  // Stopped elsewhere meanwhile: whoever stopped it decided; nothing here may undo that.
  if (startedAt === null || Number.isNaN(startedAt.getTime())) return { outcome: 'not-running', changes: [], idleMs: 0 };

  const idle = idleWithin(input.spans, startedAt, now);
  const idleMs = idle.reduce((sum, stretch) => sum + length(stretch), 0);
  if (idleMs === 0) return { outcome: 'not-idle', changes: [], idleMs: 0 };
  if (answer.choice === 'keep') return { outcome: 'keep', changes: [], idleMs };

  const worked = workedBetween(idle, startedAt, now);
  const changes = input.account.wantsTimestampTimers
    ? timestampChanges(input, idle, worked)
    : durationChanges(input, idle, worked, startedAt);
  return { outcome: 'change', changes, idleMs };
}

function durationChanges(input: IdleDecisionInput, idle: Stretch[], worked: Stretch[], startedAt: Date): EntryChange[] {
  const { entry, answer, now } = input;
  const firstIdle = idle[0] as Stretch;
  if (answer.choice === 'discard-stop') {
    const hours = entry.hoursWithoutTimer + (firstIdle.from.getTime() - startedAt.getTime()) / MS_PER_HOUR;
    return [{ kind: 'stop', id: entry.id }, { kind: 'update', id: entry.id, patch: { hours: roundHours(hours) } }];
  }
  const workedMs = worked.reduce((sum, stretch) => sum + length(stretch), 0);
  const moved: EntryChange[] =
    answer.choice === 'move'
      ? idle.flatMap(splitByDay).flatMap((part): EntryChange[] => {
          const hours = roundHours(length(part) / MS_PER_HOUR);
          return hours > 0 ? [{ kind: 'create', entry: { ...movedTo(answer, part.date), hours } }] : [];
        })
      : [];
  return [
    // The new entries first: should Harvest refuse one, the running timer is still untouched.
    ...moved,
    { kind: 'stop', id: entry.id },
    { kind: 'update', id: entry.id, patch: { hours: roundHours(entry.hoursWithoutTimer + workedMs / MS_PER_HOUR) } },
    continuation(entry, now),
  ];
}

function timestampChanges(input: IdleDecisionInput, idle: Stretch[], worked: Stretch[]): EntryChange[] {
  const { entry, answer, account } = input;
  const clock = (minutes: number) => formatClockTime(Math.min(minutes, LAST_MINUTE), account.clock);
  const [firstWorked, ...laterWorked] = worked;
  const sameWork = (date: LocalDate): NewEntry => ({
    projectId: entry.project.id,
    taskId: entry.task.id,
    spentDate: date,
    ...(entry.notes === null ? {} : { notes: entry.notes }),
  });
  const closed = (part: DayPart, fields: NewEntry): EntryChange[] =>
    part.toMinute > part.fromMinute
      ? [{ kind: 'create', entry: { ...fields, startedTime: clock(part.fromMinute), endedTime: clock(part.toMinute) } }]
      : [];

  // The entry itself ends where the first idle stretch began, on its own day; worked time past
  // its midnight becomes entries on the days it fell on.
  const firstParts = firstWorked ? splitByDay(firstWorked) : [];
  const ownDay = firstParts.find((part) => part.date === entry.spentDate);
  // (A run that began after the entry's own day would be a timer Harvest never starts; end the
  // entry's day there rather than invent an earlier time.)
  const endMinute = ownDay ? ownDay.toMinute : LAST_MINUTE;
  const end: EntryChange[] = [
    { kind: 'stop', id: entry.id },
    { kind: 'update', id: entry.id, patch: { endedTime: clock(endMinute) } },
    ...firstParts.filter((part) => part !== ownDay).flatMap((part) => closed(part, sameWork(part.date))),
  ];
  if (answer.choice === 'discard-stop') return end;

  const moved =
    answer.choice === 'move'
      ? idle.flatMap(splitByDay).flatMap((part) => closed(part, movedTo(answer, part.date)))
      : [];
  // Worked stretches between two idle ones are kept as entries; the last one (after the user came
  // back) goes on running, from the minute the user came back rather than from now.
  const last = laterWorked.at(-1) ?? { from: input.now, to: input.now };
  const between = laterWorked.slice(0, -1).flatMap(splitByDay).flatMap((part) => closed(part, sameWork(part.date)));
  const lastParts = splitByDay({ from: last.from, to: input.now });
  const today = toLocalDate(input.now);
  const earlierDays = lastParts.filter((part) => part.date !== today).flatMap((part) => closed(part, sameWork(part.date)));
  const todayPart = lastParts.find((part) => part.date === today);
  const runningFrom = todayPart ? clock(todayPart.fromMinute) : clock(minuteOfDay(input.now));
  return [
    ...moved,
    ...end,
    ...between,
    ...earlierDays,
    { kind: 'create', entry: { ...sameWork(today), startedTime: runningFrom } },
  ];
}

/** Goes on after the idle time: the same entry today, or a new timer today for an earlier day's. */
function continuation(entry: TimeEntry, now: Date): EntryChange {
  const today = toLocalDate(now);
  if (entry.spentDate === today) return { kind: 'restart', id: entry.id };
  return {
    kind: 'create',
    entry: {
      projectId: entry.project.id,
      taskId: entry.task.id,
      spentDate: today,
      ...(entry.notes === null ? {} : { notes: entry.notes }),
    },
  };
}

function movedTo(answer: Extract<IdleAnswer, { choice: 'move' }>, date: LocalDate): NewEntry {
  return {
    projectId: answer.projectId,
    taskId: answer.taskId,
    spentDate: date,
    ...(answer.notes === undefined || answer.notes === '' ? {} : { notes: answer.notes }),
  };
}

/** The spans clipped to the timer's run, in order, overlaps joined. */
export function idleWithin(spans: Stretch[], startedAt: Date, now: Date): Stretch[] {
  const clipped = spans
    .map((span) => ({
      from: new Date(Math.max(span.from.getTime(), startedAt.getTime())),
      to: new Date(Math.min(span.to.getTime(), now.getTime())),
    }))
    .filter((span) => span.to.getTime() > span.from.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const joined: Stretch[] = [];
  for (const span of clipped) {
    const previous = joined.at(-1);
    if (previous && span.from.getTime() <= previous.to.getTime()) {
      previous.to = new Date(Math.max(previous.to.getTime(), span.to.getTime()));
    } else joined.push({ ...span });
  }
  return joined;
}

/** The rest of [startedAt, now]: the stretch before the first idle one, between them, and after. */
function workedBetween(idle: Stretch[], startedAt: Date, now: Date): Stretch[] {
  const worked: Stretch[] = [];
  let cursor = startedAt;
  for (const stretch of idle) {
    worked.push({ from: cursor, to: stretch.from });
    cursor = stretch.to;
  }
  worked.push({ from: cursor, to: now });
  return worked;
}

interface DayPart extends Stretch {
  date: LocalDate;
  fromMinute: number;
  /** Minutes after midnight; 1440 when the part runs to midnight. */
  toMinute: number;
}

/** A stretch cut at local midnights (daylight-saving days included), as Harvest's days are. */
export function splitByDay(stretch: Stretch): DayPart[] {
  const parts: DayPart[] = [];
  let cursor = stretch.from;
  do {
    const midnight = startOfDay(addDays(cursor, 1));
    const end = midnight.getTime() < stretch.to.getTime() ? midnight : stretch.to;
    parts.push({
      date: toLocalDate(cursor),
      from: cursor,
      to: end,
      fromMinute: minuteOfDay(cursor),
      toMinute: end === midnight ? 24 * 60 : minuteOfDay(end),
    });
    cursor = end;
  } while (cursor.getTime() < stretch.to.getTime());
  return parts;
}

function minuteOfDay(moment: Date): number {
  return moment.getHours() * 60 + moment.getMinutes();
}

function length(stretch: Stretch): number {
  return stretch.to.getTime() - stretch.from.getTime();
}

/** Harvest keeps hours to two decimals (36 seconds). */
function roundHours(hours: number): number {
  return Math.max(0, Math.round(hours * 100) / 100);
}
