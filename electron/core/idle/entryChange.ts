// The Harvest writes an idle decision (or an automatic stop) comes to, as plain data: decided by a
// pure function, tested without a network, then carried out in order through the entry and
// timer services.
import type { LocalDate } from '../../../shared/domain';

/** A new entry. No hours and no end time: a timer starts (today only). */
export interface NewEntry {
  projectId: number;
  taskId: number;
  spentDate: LocalDate;
  notes?: string;
  /** Duration accounts. */
  hours?: number;
  /** Start/end-time accounts, as local clock strings in the account's format. */
  startedTime?: string;
  endedTime?: string;
}

export type EntryChange =
  | { kind: 'stop'; id: number }
  | { kind: 'restart'; id: number }
  | { kind: 'update'; id: number; patch: { hours: number } | { endedTime: string } }
  | { kind: 'create'; entry: NewEntry };
