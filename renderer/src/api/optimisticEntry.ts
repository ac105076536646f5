// Builds the entry the popover shows while Harvest has not answered yet.
import type { ProjectChoice, TaskChoice, TimeEntry, LocalDate } from '../../../shared/domain';
import { temporaryId } from './entryCache';

export type EntryDraft = {
  project: ProjectChoice;
  task: TaskChoice;
  spentDate: LocalDate;
  notes: string | null;
  hours: number;
  running: boolean;
  startedTime?: string | null;
  endedTime?: string | null;
};

export function optimisticEntry(draft: EntryDraft, now: Date): TimeEntry {
  const instant = now.toISOString();
  return {
    id: temporaryId(),
    spentDate: draft.spentDate,
    hours: draft.hours,
    hoursWithoutTimer: draft.hours,
    notes: draft.notes,
    isRunning: draft.running,
    timerStartedAt: draft.running ? instant : null,
    startedTime: draft.startedTime ?? null,
    endedTime: draft.endedTime ?? null,
    isLocked: false,
    lockedReason: null,
    billable: draft.task.billable,
    client: draft.project.clientName === null ? null : { id: draft.project.projectId, name: draft.project.clientName },
    project: { id: draft.project.projectId, name: draft.project.projectName, code: draft.project.projectCode },
    task: { id: draft.task.taskId, name: draft.task.taskName },
    createdAt: instant,
    updatedAt: instant,
  };
}
