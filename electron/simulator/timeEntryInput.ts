// The fields Harvest accepts when creating or updating a time entry, parsed from JSON or form
// data (where every value arrives as a string).
import * as z from 'zod';
import { unprocessable, type RequestBody } from './http';

const blankToUndefined = (value: unknown): unknown => (value === '' || value === null ? undefined : value);

const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());
const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().finite().optional());
const optionalText = z.preprocess(blankToUndefined, z.string().optional());

const externalReferenceSchema = z
  .object({
    id: z.coerce.string(),
    group_id: z.coerce.string().nullable().optional(),
    account_id: z.coerce.string().nullable().optional(),
    permalink: z.string().nullable().optional(),
  })
  .nullable()
  .optional();

const timeEntryFieldsSchema = z.object({
  project_id: optionalId,
  task_id: optionalId,
  user_id: optionalId,
  spent_date: optionalText,
  /** null clears the notes; absent leaves them alone. */
  notes: z.string().nullable().optional(),
  hours: optionalNumber,
  started_time: optionalText,
  ended_time: optionalText,
  external_reference: externalReferenceSchema,
});

export type TimeEntryFields = z.infer<typeof timeEntryFieldsSchema>;

export function parseTimeEntryFields(body: RequestBody): TimeEntryFields {
  const parsed = timeEntryFieldsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'body')))];
  throw unprocessable(fields.map((field) => `${humanField(field)} is invalid`).join(', '));
}

/** "spent_date" -> "Spent date", the way Harvest words its validation messages. */
export function humanField(field: string): string {
  const words = field.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
