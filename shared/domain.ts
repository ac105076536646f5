// The app's own model of Harvest data, as both processes see it. The main process maps Harvest's
// replies into these shapes, so the renderer never depends on Harvest's wire format.
import * as z from 'zod';
import { parseClockTime } from './clockTime';
import { checkTimesheetDate, isLocalDate } from './localDate';

/** A calendar date in the user's local time zone, `YYYY-MM-DD` (Harvest's `spent_date`). */
export const localDateSchema = z.string().refine(isLocalDate, 'Expected a real date like 2026-11-21');
export type LocalDate = z.infer<typeof localDateSchema>;

/** A date an entry is written on: a real date within what a timesheet can mean (see localDate.ts). */
export const timesheetDateSchema = z.string().superRefine((value, context) => {
  const checked = checkTimesheetDate(value);
  if (!checked.ok) context.addIssue({ code: 'custom', message: checked.reason });
});

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type Id = z.infer<typeof idSchema>;

/**
 * The id of a time entry as the app knows it: Harvest's own id (positive), or a provisional id
 * (negative) for an entry created while Harvest could not be reached. Harvest never gives out a
 * negative id, so the two cannot meet. Every channel that takes an entry id takes either: a stop,
 * edit or delete of a provisional entry waits in the queue behind its create and is sent with the
 * real id once the create is through (the provisional id then stops being listed).
 */
export const entryIdSchema = z
  .number()
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((id) => id !== 0, 'Expected a time entry id');
export type EntryId = z.infer<typeof entryIdSchema>;

/** true for the id of an entry created while offline, not yet known to Harvest. */
export function isProvisionalEntryId(id: number): boolean {
  return id < 0;
}

export const namedRefSchema = z.object({ id: idSchema, name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

/** An ISO-8601 instant with its offset, e.g. 2026-11-21T09:00:00.000Z. */
const instantSchema = z.iso.datetime({ offset: true });

/**
 * What a change not yet confirmed by Harvest is doing (see pendingChangeSchema):
 * - waiting: Harvest could not be reached; it is sent, in order, as soon as Harvest answers.
 * - checking: Harvest may have applied it already (the answer was lost); Harvest is asked before
 *   anything is sent again, so it is never applied twice.
 * - refused: Harvest said no on replay. Kept, never dropped: the user retries, edits or discards.
 * `message` is a sentence ready to show as it is.
 */
export const pendingStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting'), message: z.string() }),
  z.object({ state: z.literal('checking'), message: z.string() }),
  z.object({
    state: z.literal('refused'),
    /** Harvest's reason in its own words where it gave one. */
    message: z.string(),
    /** The kind of refusal (rejected, not-found, forbidden, locked, …) for the popover's choice of words. */
    errorKind: z.string(),
    /** The HTTP status Harvest answered with, where it answered. */
    status: z.number().int().optional(),
  }),
]);
export type PendingState = z.infer<typeof pendingStateSchema>;

/** Marks an entry as shown with changes Harvest has not confirmed yet (on TimeEntry.pending). */
export const pendingMarkSchema = z.object({
  /** The newest change to this entry still in the queue (PendingChange.id). */
  changeId: z.string(),
  /** How many changes to this entry wait. */
  changes: z.number().int().positive(),
  /** The state of the most telling of them: refused before checking before waiting. */
  status: pendingStateSchema,
});
export type PendingMark = z.infer<typeof pendingMarkSchema>;

export const timeEntrySchema = z.object({
  /** Harvest's id; negative while provisional (created offline, see entryIdSchema). */
  id: entryIdSchema,
  spentDate: localDateSchema,
  /** Hours as Harvest last reported them; for a running entry use the timer fields instead. */
  hours: z.number().nonnegative(),
  /** Hours recorded before the timer was last started (running entries tick on top of this). */
  hoursWithoutTimer: z.number().nonnegative(),
  notes: z.string().nullable(),
  isRunning: z.boolean(),
  /** UTC ISO-8601 instant the timer was last started, null when stopped. */
  timerStartedAt: z.string().nullable(),
  /** Local clock strings such as "8:00am", set in start/end-time accounts. */
  startedTime: z.string().nullable(),
  endedTime: z.string().nullable(),
  isLocked: z.boolean(),
  lockedReason: z.string().nullable(),
  billable: z.boolean(),
  client: namedRefSchema.nullable(),
  project: namedRefSchema.extend({ code: z.string().nullable() }),
  task: namedRefSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Harvest's external reference id, where the entry has one. Every create the app sends carries
   * the id of the queue's change that made it, so a create whose answer was lost is recognised in
   * Harvest's list: the queue shows Harvest's entry then, not a provisional twin beside it.
   */
  externalReferenceId: z.string().optional(),
  /**
   * Present when the entry is shown with changes Harvest has not confirmed: `entries.list` lays
   * the queue's waiting changes over what Harvest last said (a create appears with a provisional
   * id, an edit shows its new values, a stop shows the moment it was stopped, a delete hides the
   * entry). Absent: this is what Harvest said. A write answered from the queue carries it too.
   */
  pending: pendingMarkSchema.optional(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

/**
 * The kinds of change the queue keeps. A quick restart is kept as what it did at that moment
 * (stop, restart, or start a copy today); a start is a create that starts a timer.
 */
export const pendingKindSchema = z.enum(['create', 'start', 'stop', 'restart', 'edit', 'delete']);
export type PendingKind = z.infer<typeof pendingKindSchema>;

/**
 * One change the user made that Harvest has not confirmed, as the queue shows it. The fields are
 * ready for words ("Stop · Website · Design · 0:45, made 10:45, waiting to be sent"); the payload
 * sent to Harvest stays in the main process.
 */
export const pendingChangeSchema = z.object({
  /** The queue's own id for the change ("chg-…"), for queue.retry and queue.discard. */
  id: z.string(),
  kind: pendingKindSchema,
  /** The entry it changes; for a create or start, the provisional id its entry is shown under. */
  entryId: entryIdSchema,
  spentDate: localDateSchema,
  projectName: z.string().nullable(),
  taskName: z.string().nullable(),
  clientName: z.string().nullable(),
  notes: z.string().nullable(),
  /** The hours it records where it records any (create with hours, edit of hours, a stop's total). */
  hours: z.number().nonnegative().nullable(),
  /** When the user made the change; timers are written with this moment, not the moment sent. */
  createdAt: instantSchema,
  /** How often it was tried against Harvest. */
  attempts: z.number().int().nonnegative(),
  status: pendingStateSchema,
});
export type PendingChange = z.infer<typeof pendingChangeSchema>;

export const taskChoiceSchema = z.object({
  taskId: idSchema,
  taskName: z.string(),
  billable: z.boolean(),
});
export type TaskChoice = z.infer<typeof taskChoiceSchema>;

/** One project the user may log time to, with its active tasks (from project assignments). */
export const projectChoiceSchema = z.object({
  projectId: idSchema,
  projectName: z.string(),
  projectCode: z.string().nullable(),
  clientName: z.string().nullable(),
  tasks: z.array(taskChoiceSchema),
});
export type ProjectChoice = z.infer<typeof projectChoiceSchema>;

export const weekStartDaySchema = z.enum(['Monday', 'Sunday', 'Saturday']);
/** The date formats Harvest's /company answers with (strftime tokens). */
export const dateFormatSchema = z.enum(['%m/%d/%Y', '%d/%m/%Y', '%Y-%m-%d', '%d.%m.%Y', '%Y.%m.%d', '%Y/%m/%d']);
export type DateFormat = z.infer<typeof dateFormatSchema>;

export const timeFormatSchema = z.enum(['decimal', 'hours_minutes']);
export type TimeFormat = z.infer<typeof timeFormatSchema>;

/** The account settings that decide how the app writes and shows time. */
export const companySettingsSchema = z.object({
  name: z.string(),
  /** true: entries are written with start/end times; false: with durations. */
  wantsTimestampTimers: z.boolean(),
  timeFormat: timeFormatSchema,
  clock: z.enum(['12h', '24h']),
  weekStartDay: weekStartDaySchema,
  /** How the account writes dates; decides the order of day and month everywhere. */
  dateFormat: dateFormatSchema,
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;

export const currentUserSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** Seconds per week; 0 when the user has no capacity set. */
  weeklyCapacity: z.number().nonnegative(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const accountSchema = z.object({ id: idSchema, name: z.string() });
export type Account = z.infer<typeof accountSchema>;

/**
 * How the token is protected at rest: where a named account keeps it (the system keyring, a
 * plaintext file with consent, the tray's safeStorage, the web host's memory), Electron
 * safeStorage's own backends for a sign-in saved by an earlier version, or the environment.
 */
export const vaultBackendSchema = z.enum([
  'keyring',
  'plaintext-file',
  'safe-storage',
  'keychain',
  'dpapi',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
  'basic_text',
  'memory',
  'environment',
  'unknown',
]);
export type VaultBackend = z.infer<typeof vaultBackendSchema>;

export const sessionSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('signed-out'),
    /** Set when the previous session ended because Harvest refused the token. */
    reason: z.string().nullable(),
  }),
  z.object({
    state: z.literal('signed-in'),
    account: accountSchema,
    /** The user's name for the account ("work"); null for HARVEST_ACCESS_TOKEN's and the demo. */
    name: z.string().nullable(),
    /** The Harvest API the account is reached at: with the account id, whose data this is. */
    server: z.string(),
    user: currentUserSchema,
    demo: z.boolean(),
    vaultBackend: vaultBackendSchema,
  }),
]);
export type Session = z.infer<typeof sessionSchema>;

export const hoursDisplaySchema = z.enum(['account', 'decimal', 'hours_minutes']);
export type HoursDisplay = z.infer<typeof hoursDisplaySchema>;

export const shortcutActionSchema = z.enum(['togglePopover', 'quickRestart']);
export type ShortcutAction = z.infer<typeof shortcutActionSchema>;

/** Electron accelerators, e.g. "CommandOrControl+Alt+H"; empty string disables the shortcut. */
const acceleratorSchema = z.string().max(100);

/** A time of day in the one grammar the app reads ("9:00", "17:30", "5:30pm"). */
export const dayTimeSchema = z
  .string()
  .max(20)
  .refine((text) => parseClockTime(text) !== null, 'Expected a time like 9:00 or 17:30');

/** 0 is Sunday … 6 Saturday, as Date#getDay counts. */
export const weekdaySchema = z.number().int().min(0).max(6);

export const idleSettingsSchema = z.object({
  /** Ask about time the computer sat idle while a timer ran. */
  enabled: z.boolean(),
  /** Minutes without keyboard or mouse (or locked, or asleep) before the time counts as idle. */
  minutes: z.number().int().min(1).max(240),
});
export type IdleSettings = z.infer<typeof idleSettingsSchema>;

export const reminderSettingsSchema = z.object({
  /** The working week and day that the no-timer and end-of-day reminders follow. */
  workDays: z.array(weekdaySchema).max(7),
  workStart: dayTimeSchema,
  workEnd: dayTimeSchema,
  /** Remind when no timer runs during working hours, every so many minutes. */
  noTimer: z.boolean(),
  noTimerEveryMinutes: z.number().int().min(5).max(240),
  /** The day's total at the end of the working day, opening the review. */
  endOfDay: z.boolean(),
  endOfDayAt: dayTimeSchema,
  /** A timer still running at this time is stopped at this time. */
  autoStop: z.boolean(),
  autoStopAt: dayTimeSchema,
  /** A timer running when the computer shuts down is stopped at that moment. */
  stopOnShutdown: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const settingsSchema = z.object({
  /** Overrides the account's decimal / h:mm choice for display only. */
  hoursDisplay: hoursDisplaySchema,
  launchAtLogin: z.boolean(),
  shortcuts: z.record(shortcutActionSchema, acceleratorSchema),
  idle: idleSettingsSchema,
  reminders: reminderSettingsSchema,
  /** For screen sharing: the tray names no project or task, only that a timer runs. */
  hideProjectNamesInTray: z.boolean(),
  /** Hours a week to aim for; null follows the weekly capacity set in Harvest. */
  weeklyTargetHours: z.number().min(0).max(168).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings; the groups may be changed a field at a time. */
export const settingsPatchSchema = z
  .object({
    hoursDisplay: hoursDisplaySchema.optional(),
    launchAtLogin: z.boolean().optional(),
    shortcuts: z.partialRecord(shortcutActionSchema, acceleratorSchema).optional(),
    idle: idleSettingsSchema.partial().strict().optional(),
    reminders: reminderSettingsSchema.partial().strict().optional(),
    hideProjectNamesInTray: z.boolean().optional(),
    weeklyTargetHours: settingsSchema.shape.weeklyTargetHours.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const shortcutStatusSchema = z.object({
  action: shortcutActionSchema,
  accelerator: z.string(),
  registered: z.boolean(),
  /** Why registration failed, in words a person understands; null when registered. */
  problem: z.string().nullable(),
});
export type ShortcutStatus = z.infer<typeof shortcutStatusSchema>;

export const syncStateSchema = z.object({
  online: z.boolean(),
  /** Changes kept in the durable queue, not yet confirmed by Harvest (refused ones included). */
  pending: z.number().int().nonnegative(),
  /** Of those, the ones Harvest refused on replay: they wait for the user (retry, edit, discard). */
  refused: z.number().int().nonnegative(),
  lastSyncedAt: z.string().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const quickRestartResultSchema = z.object({
  action: z.enum(['stopped', 'restarted', 'started-new', 'nothing-to-restart']),
  entry: timeEntrySchema.nullable(),
});
export type QuickRestartResult = z.infer<typeof quickRestartResultSchema>;

/** What the host can do, so the popover offers only what works here. */
export const hostCapabilitiesSchema = z.object({
  /** The operating system can open the app at login (not the browser host). */
  launchAtLogin: z.boolean(),
  /** System-wide shortcuts can be registered here (the browser host cannot). */
  globalShortcuts: z.boolean(),
  /** The desktop reports how long the keyboard and mouse were unused. */
  idleTime: z.boolean(),
  /** Why idle time is not (fully) seen here, in words; null when it is. */
  idleNote: z.string().nullable(),
});
export type HostCapabilities = z.infer<typeof hostCapabilitiesSchema>;

/** A stretch of time the user was away from the computer (idle, locked or asleep). */
export const idleSpanSchema = z.object({ from: instantSchema, to: instantSchema });
export type IdleSpan = z.infer<typeof idleSpanSchema>;

export const idleChoiceSchema = z.enum(['keep', 'discard-continue', 'discard-stop', 'move']);
export type IdleChoice = z.infer<typeof idleChoiceSchema>;

/** Asked on return: the timer ran while the user was away. */
export const idleQuestionSchema = z.object({
  /** Times away, oldest first: another can follow before the first is answered. */
  spans: z.array(idleSpanSchema).min(1),
  /** The timer that ran meanwhile, as last read from Harvest. */
  entry: timeEntrySchema,
  /** Minutes of that timer's time that fall while the user was away. */
  idleMinutes: z.number().nonnegative(),
});
export type IdleQuestion = z.infer<typeof idleQuestionSchema>;

export const idleAnswerSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('keep') }).strict(),
  z.object({ choice: z.literal('discard-continue') }).strict(),
  z.object({ choice: z.literal('discard-stop') }).strict(),
  z
    .object({
      choice: z.literal('move'),
      projectId: idSchema,
      taskId: idSchema,
      notes: z.string().max(10_000).optional(),
    })
    .strict(),
]);
export type IdleAnswer = z.infer<typeof idleAnswerSchema>;

export const idleOutcomeSchema = z.object({
  /** Whether anything was written to Harvest. */
  changed: z.boolean(),
  /** What happened, in words. */
  message: z.string(),
});
export type IdleOutcome = z.infer<typeof idleOutcomeSchema>;

/** A reminder shown as a notification and, until dismissed, in the popover. */
export const reminderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-timer'), at: instantSchema }),
  z.object({ kind: z.literal('end-of-day'), at: instantSchema, date: localDateSchema, hours: z.number().nonnegative() }),
  z.object({
    kind: z.literal('auto-stopped'),
    at: instantSchema,
    /** When the timer was stopped (the set time, or the shutdown), which may be before `at`. */
    stoppedAt: instantSchema,
    entry: timeEntrySchema,
  }),
]);
export type Reminder = z.infer<typeof reminderSchema>;

export const snoozeSchema = z.enum(['15m', '1h', 'rest-of-day']);
export type Snooze = z.infer<typeof snoozeSchema>;
/** Something the app did on its own that the user should hear about once (a file it reset). */
export const noticeSchema = z.object({ id: z.string(), message: z.string() });
export type Notice = z.infer<typeof noticeSchema>;
