// Harvest's rules for time entries: validation, the two tracking modes (duration vs start/end
// times), one running timer per user, restart/stop, locking and who may see what.
import { hoursBetween, localInstant, minutesAfterMidnight, parseClock, parseLocalDate } from './clockTime';
import { forbidden, notFound, unprocessable, type RequestBody } from './http';
import type { SimTimeEntry } from './model';
import type { SimStore, Viewer } from './store';
import { parseTimeEntryFields, type TimeEntryFields } from './timeEntryInput';

const MAX_HOURS = 24;

// Locked entries (approved or invoiced periods) answer 403. Harvest's docs describe 403 as "the
// user's role doesn't allow it": a lock is a permission the period no longer grants, not a flaw in
// the request body (which 422 would mean), so retrying the same request can never succeed.
function refuseIfLocked(entry: SimTimeEntry): void {
  if (entry.isLocked) {
    throw forbidden(`This time entry is locked and can't be changed: ${entry.lockedReason ?? 'locked'}`);
  }
}

/** Members see their own entries, managers also those on projects they manage, admins all. */
export function canSee(store: SimStore, viewer: Viewer, entry: SimTimeEntry): boolean {
  if (entry.accountId !== viewer.account.id) return false;
  if (entry.userId === viewer.user.id || viewer.user.accessRole === 'administrator') return true;
  if (viewer.user.accessRole === 'manager') {
    return store.userAssignment(entry.projectId, viewer.user.id)?.isProjectManager === true;
  }
  return false;
}

export function findVisibleEntry(store: SimStore, viewer: Viewer, id: number): SimTimeEntry {
  const entry = store.entry(id);
  if (!entry || !canSee(store, viewer, entry)) throw notFound();
  return entry;
}

function checkHours(hours: number | undefined): void {
  if (hours !== undefined && (hours < 0 || hours > MAX_HOURS)) {
    throw unprocessable(`Hours must be between 0 and ${MAX_HOURS}`);
  }
}

function checkSpentDate(spentDate: string): void {
  if (!parseLocalDate(spentDate)) throw unprocessable('Spent date is not a valid date');
}

function clockField(text: string | undefined, label: string): number | undefined {
  if (text === undefined) return undefined;
  const minutes = parseClock(text);
  if (minutes === null) throw unprocessable(`${label} is not a valid time`);
  return minutes;
}

/** The project must exist in the account, be active, have the person assigned and the task on it. */
function checkAssignment(store: SimStore, viewer: Viewer, userId: number, projectId: number, taskId: number): void {
  const project = store.project(viewer.account.id, projectId);
  if (!project) throw unprocessable('Project is not valid');
  if (!project.isActive) throw unprocessable('Project is archived');
  if (store.userAssignment(projectId, userId)?.isActive !== true) {
    throw unprocessable('User is not assigned to this project');
  }
  const taskAssignment = store.taskAssignment(projectId, taskId);
  if (!taskAssignment || !store.task(viewer.account.id, taskId)) {
    throw unprocessable('Task is not assigned to this project');
  }
  if (!taskAssignment.isActive) throw unprocessable('Task is archived on this project');
}

function ownerOf(store: SimStore, viewer: Viewer, requested: number | undefined): number {
  if (requested === undefined || requested === viewer.user.id) return viewer.user.id;
  if (viewer.user.accessRole === 'member') throw forbidden('You can only track time for yourself');
  if (!store.user(viewer.account.id, requested)) throw unprocessable('User is not valid');
  return requested;
}

/** Stops a running timer, folding the elapsed time into its recorded hours. */
export function stopTimer(store: SimStore, entry: SimTimeEntry): void {
  if (!entry.timerStartedAt) return;
  const now = store.now();
  entry.recordedHours += hoursBetween(entry.timerStartedAt, now);
  entry.timerStartedAt = null;
  if (entry.startedTime !== null) entry.endedTime = minutesAfterMidnight(now);
  entry.updatedAt = now;
}

/** One running timer per user: starting one stops whichever other entry is running. */
function stopOtherTimers(store: SimStore, accountId: number, userId: number, keepId?: number): void {
  for (const other of store.entries(accountId)) {
    if (other.userId === userId && other.timerStartedAt && other.id !== keepId) stopTimer(store, other);
  }
}

/** When a start/end-time timer started at `startedTime` on `spentDate`, never in the future. */
function timerStartFor(spentDate: string, startedTime: number, now: Date): Date {
  const start = localInstant(spentDate, startedTime);
  return start.getTime() <= now.getTime() ? start : now;
}

export function createEntry(store: SimStore, viewer: Viewer, body: RequestBody): SimTimeEntry {
  const fields = parseTimeEntryFields(body);
  const missing = [
    fields.project_id === undefined ? "Project can't be blank" : null,
    fields.task_id === undefined ? "Task can't be blank" : null,
    fields.spent_date === undefined ? "Spent date can't be blank" : null,
  ].filter((message): message is string => message !== null);
  if (fields.project_id === undefined || fields.task_id === undefined || fields.spent_date === undefined) {
    throw unprocessable(missing.join(', '));
  }
  checkSpentDate(fields.spent_date);
  checkHours(fields.hours);
  const userId = ownerOf(store, viewer, fields.user_id);
  checkAssignment(store, viewer, userId, fields.project_id, fields.task_id);

  const now = store.now();
  const timing = viewer.company.wantsTimestampTimers
    ? timestampTiming(fields, fields.spent_date, now)
    : { recordedHours: fields.hours ?? 0, timerStartedAt: fields.hours === undefined ? now : null, startedTime: null, endedTime: null };
  if (timing.timerStartedAt) stopOtherTimers(store, viewer.account.id, userId);
  return store.insertEntry({
    accountId: viewer.account.id,
    userId,
    projectId: fields.project_id,
    taskId: fields.task_id,
    spentDate: fields.spent_date,
    notes: fields.notes ?? null,
    ...timing,
    isLocked: false,
    lockedReason: null,
    isClosed: false,
    isBilled: false,
    externalReference: externalReferenceOf(fields),
    createdAt: now,
    updatedAt: now,
  });
}

type Timing = Pick<SimTimeEntry, 'recordedHours' | 'timerStartedAt' | 'startedTime' | 'endedTime'>;

function timingOf(entry: SimTimeEntry): Timing {
  const { recordedHours, timerStartedAt, startedTime, endedTime } = entry;
  return { recordedHours, timerStartedAt, startedTime, endedTime };
}

/** Start/end-time accounts: started_time defaults to now; no ended_time means the timer runs. */
function timestampTiming(fields: TimeEntryFields, spentDate: string, now: Date): Timing {
  const started = clockField(fields.started_time, 'Started time');
  const ended = clockField(fields.ended_time, 'Ended time');
  if (started === undefined && ended === undefined && fields.hours !== undefined) {
    return { recordedHours: fields.hours, timerStartedAt: null, startedTime: null, endedTime: null };
  }
  const startedTime = started ?? minutesAfterMidnight(now);
  if (ended === undefined) {
    return { recordedHours: 0, timerStartedAt: timerStartFor(spentDate, startedTime, now), startedTime, endedTime: null };
  }
  if (ended < startedTime) throw unprocessable('Ended time must be after started time');
  return { recordedHours: (ended - startedTime) / 60, timerStartedAt: null, startedTime, endedTime: ended };
}

function externalReferenceOf(fields: TimeEntryFields): SimTimeEntry['externalReference'] {
  const reference = fields.external_reference;
  if (!reference) return null;
  return {
    id: reference.id,
    group_id: reference.group_id ?? null,
    account_id: reference.account_id ?? null,
    permalink: reference.permalink ?? null,
    service: reference.permalink ? new URL(reference.permalink, 'https://example.invalid').hostname : null,
    service_icon_url: null,
  };
}

/** PATCH: fields left out are not changed; user_id and is_running cannot be changed here. */
export function updateEntry(store: SimStore, viewer: Viewer, id: number, body: RequestBody): SimTimeEntry {
  const entry = findVisibleEntry(store, viewer, id);
  refuseIfLocked(entry);
  const fields = parseTimeEntryFields(body);
  if (fields.spent_date !== undefined) checkSpentDate(fields.spent_date);
  checkHours(fields.hours);
  const projectId = fields.project_id ?? entry.projectId;
  const taskId = fields.task_id ?? entry.taskId;
  if (projectId !== entry.projectId || taskId !== entry.taskId) {
    checkAssignment(store, viewer, entry.userId, projectId, taskId);
  }
  const now = store.now();
  const spentDate = fields.spent_date ?? entry.spentDate;
  const timing = viewer.company.wantsTimestampTimers
    ? patchedTimestampTiming(entry, fields, spentDate, now)
    : patchedDurationTiming(entry, fields, now);
  Object.assign(entry, timing, { projectId, taskId, spentDate, updatedAt: now });
  if (fields.notes !== undefined) entry.notes = fields.notes;
  if (fields.external_reference !== undefined) entry.externalReference = externalReferenceOf(fields);
  return entry;
}

function patchedDurationTiming(entry: SimTimeEntry, fields: TimeEntryFields, now: Date): Timing {
  if (fields.hours === undefined) return timingOf(entry);
  // A running timer keeps running from the corrected total.
  return { ...timingOf(entry), recordedHours: fields.hours, timerStartedAt: entry.timerStartedAt ? now : null };
}

function patchedTimestampTiming(entry: SimTimeEntry, fields: TimeEntryFields, spentDate: string, now: Date): Timing {
  const started = clockField(fields.started_time, 'Started time');
  const ended = clockField(fields.ended_time, 'Ended time');
  const startedTime = started ?? entry.startedTime;
  if (ended !== undefined) {
    const from = startedTime ?? ended;
    if (ended < from) throw unprocessable('Ended time must be after started time');
    return { recordedHours: (ended - from) / 60, timerStartedAt: null, startedTime: from, endedTime: ended };
  }
  if (entry.timerStartedAt) {
    if (started === undefined) return timingOf(entry);
    return { recordedHours: 0, timerStartedAt: timerStartFor(spentDate, started, now), startedTime: started, endedTime: null };
  }
  if (fields.hours !== undefined) {
    // Keep the times consistent with the new duration.
    const endedTime = startedTime === null ? null : Math.min(startedTime + Math.round(fields.hours * 60), 24 * 60 - 1);
    return { recordedHours: fields.hours, timerStartedAt: null, startedTime, endedTime };
  }
  if (started !== undefined && entry.endedTime !== null) {
    if (entry.endedTime < started) throw unprocessable('Ended time must be after started time');
    return { recordedHours: (entry.endedTime - started) / 60, timerStartedAt: null, startedTime: started, endedTime: entry.endedTime };
  }
  return { ...timingOf(entry), startedTime };
}

export function deleteEntry(store: SimStore, viewer: Viewer, id: number): void {
  const entry = findVisibleEntry(store, viewer, id);
  refuseIfLocked(entry);
  if (entry.isClosed && viewer.user.accessRole !== 'administrator') {
    throw forbidden('Only administrators can delete approved time entries');
  }
  store.deleteEntry(entry.id);
}

/**
 * Duration accounts: the same entry runs again on top of its hours. Start/end-time accounts:
 * Harvest answers with a NEW entry (new id, hours 0, started_time now), as its docs' example shows.
 */
export function restartEntry(store: SimStore, viewer: Viewer, id: number): SimTimeEntry {
  const entry = findVisibleEntry(store, viewer, id);
  refuseIfLocked(entry);
  if (entry.timerStartedAt) throw unprocessable('This time entry is already running');
  const now = store.now();
  stopOtherTimers(store, viewer.account.id, entry.userId, entry.id);
  if (!viewer.company.wantsTimestampTimers) {
    entry.timerStartedAt = now;
    entry.updatedAt = now;
    return entry;
  }
  const { id: _previousId, ...copied } = entry;
  return store.insertEntry({
    ...copied,
    recordedHours: 0,
    timerStartedAt: now,
    startedTime: minutesAfterMidnight(now),
    endedTime: null,
    isLocked: false,
    lockedReason: null,
    isClosed: false,
    isBilled: false,
    createdAt: now,
    updatedAt: now,
  });
}

export function stopEntry(store: SimStore, viewer: Viewer, id: number): SimTimeEntry {
  const entry = findVisibleEntry(store, viewer, id);
  refuseIfLocked(entry);
  if (!entry.timerStartedAt) throw unprocessable('This time entry is not running');
  stopTimer(store, entry);
  return entry;
}
