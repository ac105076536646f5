// Turns what the entry form holds into the one request that does what the user meant, following
// the account's own way of writing time (durations, or start and end times).
import type { RequestOf } from '../../../shared/contract';
import type { CompanySettings, LocalDate, TimeEntry } from '../../../shared/domain';
import { formatClockTime, parseClockTime } from '../../../shared/clockTime';
import { parseHours } from '../../../shared/hours';
import { checkTimesheetDate } from '../../../shared/localDate';
import { notesError } from '../../../shared/notes';
import type { EntryFormValues } from '../stores/uiStore';

export type FieldErrors = Partial<
  Record<'project' | 'task' | 'notes' | 'hours' | 'startTime' | 'endTime' | 'date', string>
>;

export type Submission =
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'start'; request: RequestOf<'timer.start'> }
  | { kind: 'create'; request: RequestOf<'entries.create'>; running: boolean; hours: number }
  | { kind: 'update'; request: RequestOf<'entries.update'> }
  | { kind: 'unchanged' };

type Context = {
  company: Pick<CompanySettings, 'wantsTimestampTimers' | 'clock'>;
  today: LocalDate;
  /** The entry being edited; absent for a new one. */
  editing?: TimeEntry;
};

/** Whether submitting starts a timer (the button then says so). */
export function startsTimer(values: EntryFormValues, context: Context): boolean {
  if (context.editing) return false;
  if (values.date !== context.today) return false;
  return context.company.wantsTimestampTimers ? values.endTime.trim() === '' : values.hours.trim() === '';
}

export function hoursError(text: string): string | undefined {
  const parsed = parseHours(text);
  return parsed.kind === 'invalid' ? parsed.reason : undefined;
}

/** The date field by the contract's own rule, so the form refuses what the core would. */
export function dateError(text: string, today: LocalDate): string | undefined {
  const checked = checkTimesheetDate(text, today);
  return checked.ok ? undefined : checked.reason;
}

export function clockTimeError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return parseClockTime(text) === null ? `“${text.trim()}” is not a time of day. Type it like 9:00am or 14:30.` : undefined;
}

/** The clock string Harvest takes, in the account's 12h or 24h style. */
function clockText(text: string, clock: '12h' | '24h'): string | undefined {
  const minutes = parseClockTime(text);
  return minutes === null ? undefined : formatClockTime(minutes, clock);
}

export function buildSubmission(values: EntryFormValues, context: Context): Submission {
  const errors: FieldErrors = {};
  if (values.projectId === null) errors.project = 'Choose a project.';
  if (values.taskId === null) errors.task = 'Choose a task.';
  const notesProblem = notesError(values.notes);
  if (notesProblem) errors.notes = notesProblem;
  // An emptied date must not fall back to the day shown: the entry would land on a day nobody chose.
  const dateProblem = dateError(values.date, context.today);
  if (dateProblem) errors.date = dateProblem;
  const timestamps = context.company.wantsTimestampTimers;
  const parsedHours = parseHours(values.hours);
  if (!timestamps && parsedHours.kind === 'invalid') errors.hours = parsedHours.reason;
  if (timestamps) {
    const startError = clockTimeError(values.startTime);
    const endError = clockTimeError(values.endTime);
    if (startError) errors.startTime = startError;
    if (endError) errors.endTime = endError;
    if (!endError && values.endTime.trim() !== '' && values.startTime.trim() === '')
      errors.startTime = 'Give a start time as well as the end time.';
    if (!context.editing && values.endTime.trim() === '' && values.date !== context.today)
      errors.endTime = 'Give an end time: a timer can only run today.';
  }
  if (Object.keys(errors).length > 0 || values.projectId === null || values.taskId === null)
    return { kind: 'invalid', errors };

  const notes = values.notes.trim() === '' ? undefined : values.notes;
  const hours = parsedHours.kind === 'hours' ? parsedHours.hours : undefined;
  const startedTime = timestamps ? clockText(values.startTime, context.company.clock) : undefined;
  const endedTime = timestamps ? clockText(values.endTime, context.company.clock) : undefined;

  if (context.editing) return buildUpdate(context.editing, values, { notes, hours, startedTime, endedTime });

  if (startsTimer(values, context) && startedTime === undefined) {
    return { kind: 'start', request: { projectId: values.projectId, taskId: values.taskId, ...(notes ? { notes } : {}) } };
  }
  const request: RequestOf<'entries.create'> = {
    projectId: values.projectId,
    taskId: values.taskId,
    spentDate: values.date,
    ...(notes ? { notes } : {}),
  };
  if (timestamps) {
    if (startedTime) request.startedTime = startedTime;
    if (endedTime) request.endedTime = endedTime;
  } else {
    // Another day with no hours: record zero rather than start a timer on a day that is not today.
    request.hours = hours ?? 0;
  }
  const running = timestamps && endedTime === undefined;
  return { kind: 'create', request, running, hours: hours ?? 0 };
}

function buildUpdate(
  entry: TimeEntry,
  values: EntryFormValues,
  parsed: { notes: string | undefined; hours: number | undefined; startedTime: string | undefined; endedTime: string | undefined },
): Submission {
  const patch: RequestOf<'entries.update'>['patch'] = {};
  if (values.projectId !== null && values.projectId !== entry.project.id) patch.projectId = values.projectId;
  if (values.taskId !== null && values.taskId !== entry.task.id) patch.taskId = values.taskId;
  if (values.date !== entry.spentDate) patch.spentDate = values.date;
  if ((parsed.notes ?? '') !== (entry.notes ?? '')) patch.notes = parsed.notes ?? '';
  if (parsed.hours !== undefined && Math.abs(parsed.hours - entry.hours) >= 1 / 120) patch.hours = parsed.hours;
  if (parsed.startedTime !== undefined && parsed.startedTime !== entry.startedTime) patch.startedTime = parsed.startedTime;
  if (parsed.endedTime !== undefined && parsed.endedTime !== entry.endedTime) patch.endedTime = parsed.endedTime;
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
  return { kind: 'update', request: { id: entry.id, patch } };
}
