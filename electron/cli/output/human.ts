// Results for people: aligned columns, hours in the account's format (or the user's override from
// the tray's settings), the running entry marked and its time counted up to now.
import * as z from 'zod';
import { liveHours } from '../../../shared/elapsed';
import { formatHours } from '../../../shared/hours';
import type { TimeFormat } from '../../../shared/domain';
import { toTimeEntry } from '../../core/app/mapping';
import {
  wireClientSchema,
  wireProjectSchema,
  wireTaskSchema,
  wireTimeEntrySchema,
  wireUserSchema,
  type WireTimeEntry,
} from '../../core/harvest/wire';
import type { ResultShape } from '../operations/operation';
import { formatTable } from './table';

export const RUNNING_MARK = '▶';

export interface HumanContext {
  /** Only asked for when time entries are shown (it may cost a request). */
  timeFormat(): Promise<TimeFormat>;
  now: Date;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export async function formatHuman(shape: ResultShape, result: unknown, context: HumanContext): Promise<string> {
  switch (shape) {
    case 'entry':
      return entriesTable([wireTimeEntrySchema.parse(result)], await context.timeFormat(), context.now, false);
    case 'entries': {
      const entries = z.array(wireTimeEntrySchema).parse(result);
      if (entries.length === 0) return 'No time entries.';
      return entriesTable(entries, await context.timeFormat(), context.now, entries.length > 1);
    }
    case 'project':
    case 'projects': {
      const projects = z.array(wireProjectSchema).parse(shape === 'project' ? [result] : result);
      if (projects.length === 0) return 'No projects.';
      return formatTable(
        [
          { heading: 'ID', value: (project) => String(project.id), align: 'right' },
          { heading: 'CLIENT', value: (project) => project.client.name },
          { heading: 'PROJECT', value: (project) => project.name },
          { heading: 'CODE', value: (project) => project.code ?? '' },
          { heading: 'BILLABLE', value: (project) => yesNo(project.is_billable) },
          { heading: 'ACTIVE', value: (project) => yesNo(project.is_active) },
        ],
        projects,
      );
    }
    case 'tasks': {
      const tasks = z.array(wireTaskSchema).parse(result);
      if (tasks.length === 0) return 'No tasks.';
      return formatTable(
        [
          { heading: 'ID', value: (task) => String(task.id), align: 'right' },
          { heading: 'TASK', value: (task) => task.name },
          { heading: 'BILLABLE', value: (task) => yesNo(task.billable_by_default) },
          { heading: 'ACTIVE', value: (task) => yesNo(task.is_active) },
        ],
        tasks,
      );
    }
    case 'clients': {
      const clients = z.array(wireClientSchema).parse(result);
      if (clients.length === 0) return 'No clients.';
      return formatTable(
        [
          { heading: 'ID', value: (client) => String(client.id), align: 'right' },
          { heading: 'CLIENT', value: (client) => client.name },
          { heading: 'ACTIVE', value: (client) => yesNo(client.is_active) },
        ],
        clients,
      );
    }
    case 'user':
    case 'users': {
      const users = z.array(wireUserSchema).parse(shape === 'user' ? [result] : result);
      if (users.length === 0) return 'No people.';
      return formatTable(
        [
          { heading: 'ID', value: (user) => String(user.id), align: 'right' },
          { heading: 'NAME', value: (user) => `${user.first_name} ${user.last_name}` },
          { heading: 'EMAIL', value: (user) => user.email },
          { heading: 'ROLES', value: (user) => user.access_roles.join(', ') },
          { heading: 'ACTIVE', value: (user) => yesNo(user.is_active) },
        ],
        users,
      );
    }
    case 'deleted': {
      const { id } = z.object({ id: z.number() }).parse(result);
      return `Deleted time entry ${id}.`;
    }
  }
}

function entriesTable(entries: WireTimeEntry[], format: TimeFormat, now: Date, withTotal: boolean): string {
  const rows = entries.map((wire) => ({ wire, hours: liveHours(toTimeEntry(wire), now) }));
  const total = rows.reduce((sum, row) => sum + row.hours, 0);
  return formatTable(
    [
      { heading: '', value: (row) => (row.wire.is_running ? RUNNING_MARK : '') },
      { heading: 'DATE', value: (row) => row.wire.spent_date },
      { heading: 'ID', value: (row) => String(row.wire.id), align: 'right' },
      { heading: 'HOURS', value: (row) => formatHours(row.hours, format), align: 'right' },
      { heading: 'CLIENT', value: (row) => row.wire.client.name },
      { heading: 'PROJECT', value: (row) => row.wire.project.name },
      { heading: 'TASK', value: (row) => row.wire.task.name },
      { heading: 'NOTES', value: (row) => row.wire.notes ?? '' },
    ],
    rows,
    withTotal ? ['', 'Total', '', formatHours(total, format)] : undefined,
  );
}
