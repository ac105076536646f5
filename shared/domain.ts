// The app's own model of Harvest data, as both processes see it. The main process maps Harvest's
// replies into these shapes, so the renderer never depends on Harvest's wire format.
import { z } from 'zod';

/** A calendar date in the user's local time zone, `YYYY-MM-DD` (Harvest's `spent_date`). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date like 2026-11-21')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a real date');
export type LocalDate = z.infer<typeof localDateSchema>;

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type Id = z.infer<typeof idSchema>;

export const namedRefSchema = z.object({ id: idSchema, name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

export const timeEntrySchema = z.object({
  id: idSchema,
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
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

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

/** How the token is protected at rest (Electron safeStorage backends, or none in the web host). */
export const vaultBackendSchema = z.enum([
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

export const settingsSchema = z.object({
  /** Overrides the account's decimal / h:mm choice for display only. */
  hoursDisplay: hoursDisplaySchema,
  launchAtLogin: z.boolean(),
  /** Electron accelerators, e.g. "CommandOrControl+Alt+H"; empty string disables the shortcut. */
  shortcuts: z.record(shortcutActionSchema, z.string().max(100)),
});
export type Settings = z.infer<typeof settingsSchema>;

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
  /** Changes accepted locally and waiting to be sent to Harvest. */
  pending: z.number().int().nonnegative(),
  lastSyncedAt: z.string().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const quickRestartResultSchema = z.object({
  action: z.enum(['stopped', 'restarted', 'started-new', 'nothing-to-restart']),
  entry: timeEntrySchema.nullable(),
});
export type QuickRestartResult = z.infer<typeof quickRestartResultSchema>;
