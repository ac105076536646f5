// Harvest's wire shapes (already narrowed by zod in the client) -> the app's domain shapes, so the
// renderer never depends on Harvest's snake_case format.
import type {
  Account,
  CompanySettings,
  CurrentUser,
  ProjectChoice,
  TimeEntry,
} from '../../../shared/domain';
import type {
  WireAccount,
  WireCompany,
  WireProjectAssignment,
  WireTimeEntry,
  WireUser,
} from '../harvest/wire';
import { DEFAULT_DATE_FORMAT } from '../../../shared/dateDisplay';

export function toTimeEntry(wire: WireTimeEntry): TimeEntry {
  return {
    id: wire.id,
    spentDate: wire.spent_date,
    hours: Math.max(0, wire.hours),
    hoursWithoutTimer: Math.max(0, wire.hours_without_timer),
    notes: wire.notes,
    isRunning: wire.is_running,
    timerStartedAt: wire.timer_started_at,
    startedTime: wire.started_time,
    endedTime: wire.ended_time,
    isLocked: wire.is_locked,
    // A reason on an unlocked entry would make the popover show a lock that is not there.
    lockedReason: wire.is_locked ? (wire.locked_reason ?? 'This entry is locked.') : null,
    billable: wire.billable,
    client: { id: wire.client.id, name: wire.client.name },
    project: { id: wire.project.id, name: wire.project.name, code: wire.project.code ?? null },
    task: { id: wire.task.id, name: wire.task.name },
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    ...(wire.external_reference?.id ? { externalReferenceId: wire.external_reference.id } : {}),
  };
}

export function toCurrentUser(wire: WireUser): CurrentUser {
  return {
    id: wire.id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    email: wire.email,
    weeklyCapacity: wire.weekly_capacity,
  };
}

export function toCompanySettings(wire: WireCompany): CompanySettings {
  return {
    name: wire.name,
    wantsTimestampTimers: wire.wants_timestamp_timers,
    timeFormat: wire.time_format,
    clock: wire.clock,
    weekStartDay: wire.week_start_day,
    dateFormat: wire.date_format ?? DEFAULT_DATE_FORMAT,
  };
}

/**
 * The project -> task picker: active assignments with their active tasks, sorted by client then
 * project the way Harvest's own picker reads. A project left with no active task cannot take time.
 */
export function toProjectChoices(wire: WireProjectAssignment[]): ProjectChoice[] {
  const choices = wire
    .filter((assignment) => assignment.is_active)
    .map(
      (assignment): ProjectChoice => ({
        projectId: assignment.project.id,
        projectName: assignment.project.name,
        projectCode: assignment.project.code,
        clientName: assignment.client.name,
        tasks: assignment.task_assignments
          .filter((taskAssignment) => taskAssignment.is_active)
          .map((taskAssignment) => ({
            taskId: taskAssignment.task.id,
            taskName: taskAssignment.task.name,
            billable: taskAssignment.billable,
          }))
          .sort((a, b) => compareText(a.taskName, b.taskName)),
      }),
    )
    .filter((choice) => choice.tasks.length > 0);
  return choices.sort(
    (a, b) =>
      compareText(a.clientName ?? '', b.clientName ?? '') || compareText(a.projectName, b.projectName),
  );
}

/** Only Harvest accounts: a token also reaches Forecast accounts, which take no time entries. */
export function toAccounts(wire: WireAccount[]): Account[] {
  return wire
    .filter((account) => account.product === 'harvest')
    .map((account) => ({ id: account.id, name: account.name }));
}

// Made on first use: a collator takes about 6 ms to make (ICU's data), paid by every command line
// start that imports this file, where most commands never sort a project.
let collator: Intl.Collator | undefined;
function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}
