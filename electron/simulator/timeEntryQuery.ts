// GET /time_entries filters, exactly the documented set, and Harvest's fixed sort order
// (spent_date newest first, then the most recently created).
import * as z from 'zod';
import { parseLocalDate } from './clockTime';
import { unprocessable } from './http';
import type { SimTimeEntry } from './model';
import type { SimStore, Viewer } from './store';
import { canSee } from './timeEntryRules';

const id = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const date = z.string().refine((value) => parseLocalDate(value) !== null, 'not a date');
const instant = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'not a date-time');

const filterSchema = z.object({
  user_id: id.optional(),
  client_id: id.optional(),
  project_id: id.optional(),
  task_id: id.optional(),
  external_reference_id: z.string().optional(),
  is_billed: flag.optional(),
  is_running: flag.optional(),
  updated_since: instant.optional(),
  from: date.optional(),
  to: date.optional(),
});

export type TimeEntryFilter = z.infer<typeof filterSchema>;

export function parseTimeEntryFilter(url: URL): TimeEntryFilter {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(filterSchema.shape)) {
    const value = url.searchParams.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw unprocessable(`Invalid ${fields.join(', ')}`);
  }
  return parsed.data;
}

function matches(store: SimStore, entry: SimTimeEntry, filter: TimeEntryFilter): boolean {
  if (filter.user_id !== undefined && entry.userId !== filter.user_id) return false;
  if (filter.project_id !== undefined && entry.projectId !== filter.project_id) return false;
  if (filter.task_id !== undefined && entry.taskId !== filter.task_id) return false;
  if (filter.client_id !== undefined && store.project(entry.accountId, entry.projectId)?.clientId !== filter.client_id) return false;
  if (filter.external_reference_id !== undefined && entry.externalReference?.id !== filter.external_reference_id) return false;
  if (filter.is_billed !== undefined && entry.isBilled !== filter.is_billed) return false;
  if (filter.is_running !== undefined && (entry.timerStartedAt !== null) !== filter.is_running) return false;
  if (filter.updated_since !== undefined && entry.updatedAt.getTime() < Date.parse(filter.updated_since)) return false;
  // spent_date is YYYY-MM-DD, so string order is date order.
  if (filter.from !== undefined && entry.spentDate < filter.from) return false;
  if (filter.to !== undefined && entry.spentDate > filter.to) return false;
  return true;
}

export function listEntries(store: SimStore, viewer: Viewer, filter: TimeEntryFilter): SimTimeEntry[] {
  return store
    .entries(viewer.account.id)
    .filter((entry) => canSee(store, viewer, entry) && matches(store, entry, filter))
    .sort(
      (a, b) =>
        b.spentDate.localeCompare(a.spentDate) || b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
    );
}
