// The kinds of value the seed operations take, each once: the zod schema that checks it (the MCP
// tools' input schemas are built from these) and how a command-line flag's text becomes that
// value. The grammars are the app's own: ids as Harvest's, dates as shared/localDate reads them,
// hours in every form the popover's Hours field takes (shared/hours).
import * as z from 'zod';
import { channels } from '../../../shared/contract';
import { idSchema, localDateSchema } from '../../../shared/domain';
import { parseHours } from '../../../shared/hours';

export interface FieldKind<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  /** What the flag's value looks like in --help: N, YYYY-MM-DD, true|false. */
  placeholder: string;
  /** A flag's text as the value; throws an Error whose message says what is wrong. */
  fromText(text: string): z.output<Schema>;
}

function checked<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Not valid.');
  return parsed.data;
}

const WHOLE_NUMBER = /^\d+$/;

function wholeNumber(text: string, example: string): number {
  if (!WHOLE_NUMBER.test(text.trim())) throw new Error(`Expected a whole number such as ${example}.`);
  return Number(text.trim());
}

const id: FieldKind<typeof idSchema> = {
  schema: idSchema,
  placeholder: 'N',
  fromText: (text) => checked(idSchema, wholeNumber(text, '123456')),
};

/**
 * A time entry id as the restart seed gives it (a string) or as the other operations do (an
 * integer): agents follow whichever description they read, and both mean the same entry.
 */
const entryIdSchema = z.union([idSchema, z.string().regex(WHOLE_NUMBER, 'Expected a time entry id such as 123456').transform(Number).pipe(idSchema)]);
const entryId: FieldKind<typeof entryIdSchema> = { ...id, schema: entryIdSchema };

const booleanSchema = z.boolean();
const boolean: FieldKind<typeof booleanSchema> = {
  schema: booleanSchema,
  placeholder: 'true|false',
  fromText: (text) => {
    if (text === 'true') return true;
    if (text === 'false') return false;
    throw new Error('Expected true or false.');
  },
};

const date: FieldKind<typeof localDateSchema> = {
  schema: localDateSchema,
  placeholder: 'YYYY-MM-DD',
  fromText: (text) => checked(localDateSchema, text),
};

// The popover's own limits for what goes into an entry (shared/contract): one rule, two doors.
const entryFields = channels['entries.create'].request.shape;
const hoursSchema = entryFields.hours.unwrap();
const hours: FieldKind<typeof hoursSchema> = {
  schema: hoursSchema,
  placeholder: 'H',
  fromText: (text) => {
    const parsed = parseHours(text);
    if (parsed.kind === 'invalid') throw new Error(parsed.reason);
    if (parsed.kind === 'empty') throw new Error('Expected hours such as 1.5, 1:30 or 1h 30m.');
    return checked(hoursSchema, parsed.hours);
  },
};

const notesSchema = entryFields.notes.unwrap();
const text: FieldKind<typeof notesSchema> = {
  schema: notesSchema,
  placeholder: 'TEXT',
  fromText: (value) => checked(notesSchema, value),
};

const instantSchema = z.iso.datetime({ offset: true });
const instant: FieldKind<typeof instantSchema> = {
  schema: instantSchema,
  placeholder: 'ISO',
  fromText: (value) => checked(instantSchema, value),
};

const pageSchema = z.number().int().min(1).max(1_000_000);
const page: FieldKind<typeof pageSchema> = {
  schema: pageSchema,
  placeholder: 'N',
  fromText: (value) => checked(pageSchema, wholeNumber(value, '2')),
};

/** Harvest takes 1 to 2000 items per page (HARVEST_API.md §3). */
const perPageSchema = z.number().int().min(1).max(2000);
const perPage: FieldKind<typeof perPageSchema> = {
  schema: perPageSchema,
  placeholder: 'N',
  fromText: (value) => checked(perPageSchema, wholeNumber(value, '100')),
};

export const fieldKinds = { id, entryId, boolean, date, hours, text, instant, page, perPage } as const;
export type FieldKindName = keyof typeof fieldKinds;
