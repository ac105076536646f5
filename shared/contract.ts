// The one contract between the popover and the main process. Every channel has a request and a
// response schema; every event a payload schema. Electron IPC, the web host's HTTP bridge and the
// renderer's client all derive from this object, so no channel name is a loose string elsewhere.
// Requests come from a page and are parsed at the bridge (dispatch.ts). Responses and events are
// what the core promises: both sides compile against their types, and the core's integration
// tests parse every reply and event with these schemas (core/app/testing/coreHarness.ts); they
// are not parsed again at run time, where the core builds them from Harvest data it has already
// parsed (harvest/wire.ts) and the renderer stays free of zod.
import * as z from 'zod';
import {
  accountSchema,
  companySettingsSchema,
  currentUserSchema,
  entryIdSchema,
  hostCapabilitiesSchema,
  idleAnswerSchema,
  idleOutcomeSchema,
  idleQuestionSchema,
  idSchema,
  localDateSchema,
  noticeSchema,
  pendingChangeSchema,
  projectChoiceSchema,
  quickRestartResultSchema,
  reminderSchema,
  sessionSchema,
  settingsPatchSchema,
  settingsSchema,
  shortcutStatusSchema,
  snoozeSchema,
  syncStateSchema,
  timeEntrySchema,
  timesheetDateSchema,
} from './domain';
import { accountEntrySchema, accountListSchema, accountNameSchema } from './accounts';
import { appErrorSchema } from './errors';
import { normalizeClockTime } from './clockTime';
import { checkHours } from './hours';
import { notesError } from './notes';

const none = z.object({}).strict();
const notes = z.string().superRefine((value, context) => {
  const problem = notesError(value);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});
/** Hours by the one rule in shared/hours.ts: 0 to 24, rounded to the two decimals Harvest keeps. */
const hours = z.number().transform((value, context) => {
  const checked = checkHours(value);
  if (checked.ok) return checked.hours;
  context.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});
/** A local clock time by the one grammar in shared/clockTime.ts, passed on as Harvest writes it. */
const clockTime = z
  .string()
  .max(20, 'Expected a time of day like 9:00am or 14:30')
  .transform((value, context) => {
    const written = normalizeClockTime(value);
    if (written !== null) return written;
    context.addIssue({ code: 'custom', message: `“${value}” is not a time of day. Write it like 9:00am or 14:30.` });
    return z.NEVER;
  });

const entryFields = z
  .object({
    projectId: idSchema,
    taskId: idSchema,
    spentDate: timesheetDateSchema,
    notes: notes.optional(),
    /** Duration accounts: the hours to record. Left out on today: a timer starts. */
    hours: hours.optional(),
    /** Start/end-time accounts. Left out: Harvest uses now; no end time: a timer starts. */
    startedTime: clockTime.optional(),
    endedTime: clockTime.optional(),
  })
  .strict();

const entryPatch = z
  .object({
    projectId: idSchema.optional(),
    taskId: idSchema.optional(),
    spentDate: timesheetDateSchema.optional(),
    notes: notes.optional(),
    hours: hours.optional(),
    startedTime: clockTime.optional(),
    endedTime: clockTime.optional(),
  })
  .strict();

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

export const channels = {
  // Session and accounts
  'session.get': channel(none, sessionSchema),
  /** The Harvest accounts a token reaches (Forecast accounts left out). */
  'session.listAccounts': channel(
    z.object({ token: z.string().min(1).max(500) }).strict(),
    z.array(accountSchema),
  ),
  'session.signIn': channel(
    z
      .object({
        token: z.string().min(1).max(500),
        accountId: idSchema.optional(),
        /** The user agreed to store the token without OS encryption (Linux basic_text). */
        allowPlaintextStorage: z.boolean().optional(),
      })
      .strict(),
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('signed-in'), session: sessionSchema }),
      z.object({ state: z.literal('choose-account'), accounts: z.array(accountSchema) }),
    ]),
  ),
  'session.startDemo': channel(none, sessionSchema),
  'session.signOut': channel(none, sessionSchema),

  // Reference data (cached in the main process and on disk)
  'account.me': channel(none, currentUserSchema),
  'account.company': channel(none, companySettingsSchema),
  'choices.projects': channel(
    z.object({ refresh: z.boolean().optional() }).strict(),
    z.array(projectChoiceSchema),
  ),

  // Time entries
  'entries.list': channel(
    z.object({ from: localDateSchema, to: localDateSchema }).strict(),
    z.array(timeEntrySchema),
  ),
  'entries.create': channel(entryFields, timeEntrySchema),
  // A write Harvest cannot take now (offline, timed out, dropped, 5xx, 429 beyond patience, or an
  // answer lost on the way) is kept in the durable queue and answered as done-for-now: the reply
  // carries `pending` (and a provisional negative id for a new entry). A refusal from Harvest
  // itself (422, 403, 404, locked) is still an error, since nothing is kept.
  /** Edits an entry; on a provisional entry, or one with changes waiting, the edit queues behind them. */
  'entries.update': channel(z.object({ id: entryIdSchema, patch: entryPatch }).strict(), timeEntrySchema),
  /** A delete of an entry created offline whose create has not gone out cancels both, sending nothing. */
  'entries.delete': channel(z.object({ id: entryIdSchema }).strict(), z.object({ id: entryIdSchema })),

  // Timers
  'timer.start': channel(
    z
      .object({ projectId: idSchema, taskId: idSchema, notes: notes.optional() })
      .strict(),
    timeEntrySchema,
  ),
  /** Stops a timer; kept offline, it is sent with the moment it was stopped, not the moment sent. */
  'timer.stop': channel(z.object({ id: entryIdSchema }).strict(), timeEntrySchema),
  /** Restarts a stopped entry. In start/end-time accounts the reply may be a new entry. */
  'timer.restart': channel(z.object({ id: entryIdSchema }).strict(), timeEntrySchema),
  'timer.quickRestart': channel(none, quickRestartResultSchema),

  // App state
  'settings.get': channel(none, settingsSchema),
  'settings.update': channel(settingsPatchSchema, settingsSchema),
  'shortcuts.status': channel(none, z.array(shortcutStatusSchema)),
  'sync.get': channel(none, syncStateSchema),

  // The pending-changes queue of the current account, oldest first (the order they are sent in).
  // Signed out: an empty list. Every change to it is also pushed as `queue.changed`.
  'queue.list': channel(none, z.array(pendingChangeSchema)),
  /** Sends a refused change again (after the user fixed what Harvest refused); answers the new list. */
  'queue.retry': channel(z.object({ id: z.string().max(100) }).strict(), z.array(pendingChangeSchema)),
  /**
   * Drops a change for good and answers the new list. Changes that depend on it (an edit of the
   * entry its create would have made) go with it: without the create they cannot be sent.
   */
  'queue.discard': channel(z.object({ id: z.string().max(100) }).strict(), z.array(pendingChangeSchema)),
  /** What the app reset on its own (unreadable files set aside) and has not been dismissed. */
  'notices.list': channel(none, z.array(noticeSchema)),
  'notices.dismiss': channel(z.object({ id: z.string().max(100) }).strict(), z.object({})),

  /** The renderer's query cache, persisted to disk by the main process. */
  'queryCache.load': channel(none, z.string().nullable()),
  'queryCache.save': channel(z.object({ snapshot: z.string().max(5_000_000) }).strict(), z.object({})),

  /** Opens a Harvest page in the user's browser (only Harvest's own https sites). */
  'app.openExternal': channel(z.object({ url: z.string().url() }).strict(), z.object({})),
  'app.hidePopover': channel(none, z.object({})),

  // Idle time, reminders, and what this host can do (the settings view asks before it offers).
  'app.capabilities': channel(none, hostCapabilitiesSchema),
  /** While a new shortcut is being recorded, the current ones are let go, so pressing them records them. */
  'shortcuts.recording': channel(z.object({ active: z.boolean() }).strict(), z.object({})),
  'idle.question': channel(none, idleQuestionSchema.nullable()),
  'idle.answer': channel(idleAnswerSchema, idleOutcomeSchema),
  'reminders.current': channel(none, reminderSchema.nullable()),
  'reminders.snooze': channel(z.object({ for: snoozeSchema }).strict(), z.object({})),
  'reminders.dismiss': channel(none, z.object({})),

  // Named accounts ("work", "personal"): the same list the command line's --account NAME reads.
  // The current account is the default one there; everything the popover does acts in it.
  'accounts.list': channel(none, accountListSchema),
  /** Adds an account without switching to it, with the sign-in's steps: a choice of account, consent. */
  'accounts.add': channel(
    z
      .object({
        token: z.string().min(1).max(500),
        accountId: idSchema.optional(),
        /** Left out: a name made from Harvest's name of the account. Checked by the account book. */
        name: z.string().max(100).optional(),
        allowPlaintextStorage: z.boolean().optional(),
      })
      .strict(),
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('added'), account: accountEntrySchema }),
      z.object({ state: z.literal('choose-account'), accounts: z.array(accountSchema) }),
    ]),
  ),
  /** Switches to a named account, or with null to the one in HARVEST_ACCESS_TOKEN. */
  'accounts.use': channel(z.object({ name: accountNameSchema.nullable() }).strict(), sessionSchema),
  'accounts.rename': channel(z.object({ name: accountNameSchema, to: z.string().max(100) }).strict(), accountListSchema),
  /** Forgets an account's name, token and caches; removing the current one signs out of it. */
  'accounts.remove': channel(z.object({ name: accountNameSchema }).strict(), accountListSchema),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Channels[C]['response']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** What travels back over every bridge: a value, or an error a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof appErrorSchema> };

export const navigateViewSchema = z.enum(['today', 'new-entry', 'review', 'settings']);
export type NavigateView = z.infer<typeof navigateViewSchema>;

/** Events the main process pushes to every open popover. */
export const events = {
  'session.changed': sessionSchema,
  /** Entries on these dates changed (created, edited, deleted, started or stopped). */
  'entries.changed': z.object({ dates: z.array(localDateSchema) }),
  'timer.changed': z.object({ running: timeEntrySchema.nullable() }),
  'sync.changed': syncStateSchema,
  /** The queue's changes (as queue.list answers) whenever one is kept, sent, refused or dropped. */
  'queue.changed': z.array(pendingChangeSchema),
  /** The notices not yet dismissed, whenever one is added or dismissed. */
  'notices.changed': z.array(noticeSchema),
  'settings.changed': settingsSchema,
  'shortcuts.changed': z.array(shortcutStatusSchema),
  /** The tray menu asked the popover to show a view. */
  'ui.navigate': z.object({ view: navigateViewSchema, date: localDateSchema.optional() }),
  /** The popover was shown; the renderer revalidates the entries on screen. */
  'ui.shown': z.object({}),

  // Idle time and reminders
  /** A timer ran while the user was away (or the question was answered: null). */
  'idle.changed': idleQuestionSchema.nullable(),
  /** A reminder to show until dismissed (null: nothing to show). */
  'reminders.changed': reminderSchema.nullable(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

/** The main side: one function per channel. Bridges loop over this map. */
export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

/** The renderer side: what preload (or the web host's page script) exposes as `window.harvestTray`. */
export type HarvestTrayApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Emits events to whichever windows or pages are listening. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const API_GLOBAL = 'harvestTray' as const;
