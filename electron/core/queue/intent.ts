// A change kept in the pending-changes queue: what the user did, the moment they did it, and what
// the popover shows meanwhile. This is the queue file's shape (outside input once written: it is
// parsed back with these schemas) and what the sender replays.
import * as z from 'zod';
import { entryIdSchema, idSchema, localDateSchema, pendingKindSchema, timeEntrySchema } from '../../../shared/domain';

const momentSchema = z.iso.datetime({ offset: true });

/** The contract's entry fields, as parsed at the bridge (so already checked). */
export const keptFieldsSchema = z.object({
  projectId: idSchema,
  taskId: idSchema,
  spentDate: localDateSchema,
  notes: z.string().optional(),
  hours: z.number().nonnegative().optional(),
  startedTime: z.string().optional(),
  endedTime: z.string().optional(),
});
export type KeptFields = z.infer<typeof keptFieldsSchema>;

export const keptPatchSchema = keptFieldsSchema.partial();
export type KeptPatch = z.infer<typeof keptPatchSchema>;

export const refusalSchema = z.object({
  message: z.string(),
  errorKind: z.string(),
  status: z.number().int().optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

const base = z.object({
  /** "chg-<uuid>": also the create's external_reference id, by which Harvest is asked for it. */
  id: z.string().min(1).max(100),
  /** The entry it changes: Harvest's id, or the provisional (negative) one of a create. */
  entryId: entryIdSchema,
  /** When the user made the change: the moment timers are written with. */
  createdAt: momentSchema,
  /** Sends begun. Above 0 an earlier send may have reached Harvest: it is checked first. */
  attempts: z.number().int().nonnegative(),
  /** When the last send began (ms since the epoch): a send still on its way is let land before the check. */
  sentAt: z.number().int().nonnegative().optional(),
  /** Harvest's no on replay; kept until the user retries, edits or discards. */
  refusal: refusalSchema.nullable(),
  /** The entry as the popover shows it after this change (null: gone, for a delete). */
  shown: timeEntrySchema.nullable(),
});

export const intentSchema = z.discriminatedUnion('kind', [
  base.extend({
    kind: z.enum(['create', 'start']),
    fields: keptFieldsSchema,
    /** A timer started and stopped while offline: written as the range between the two moments. */
    stoppedAt: momentSchema.nullable(),
  }),
  base.extend({
    kind: z.literal('stop'),
    /** The entry's hours at the moment it was stopped (what Harvest ends with). */
    hours: z.number().nonnegative(),
  }),
  base.extend({
    kind: z.literal('restart'),
    /** Hours recorded before this restart: a restart and stop while offline add only their span. */
    baseHours: z.number().nonnegative(),
    stoppedAt: momentSchema.nullable(),
  }),
  base.extend({ kind: z.literal('edit'), patch: keptPatchSchema }),
  base.extend({ kind: z.literal('delete') }),
]);
export type Intent = z.infer<typeof intentSchema>;
export type CreateIntent = Extract<Intent, { kind: 'create' | 'start' }>;

// The kinds agree with the contract's.
const kindsAgree: z.infer<typeof pendingKindSchema> extends Intent['kind'] ? true : never = true;
void kindsAgree;

export const queueFileSchema = z.object({
  version: z.literal(1),
  /** The next provisional id is -(this): never reused, so a late reference cannot meet another entry. */
  nextProvisional: z.number().int().positive(),
  /** Provisional ids whose create went through, and their Harvest ids (for views still holding them). */
  resolved: z.record(z.string(), idSchema),
  intents: z.array(intentSchema),
});
export type QueueFile = z.infer<typeof queueFileSchema>;

export const EMPTY_QUEUE: QueueFile = { version: 1, nextProvisional: 1, resolved: {}, intents: [] };

export function isCreate(intent: Intent): intent is CreateIntent {
  return intent.kind === 'create' || intent.kind === 'start';
}

/** Sent before: it may have reached Harvest, so Harvest is asked before it is sent again. */
export function mayHaveReachedHarvest(intent: Intent): boolean {
  return intent.attempts > 0;
}

/** Harvest is asked about it before it is sent (again). */
export function checkBeforeSending(intent: Intent): boolean {
  return mayHaveReachedHarvest(intent);
}
