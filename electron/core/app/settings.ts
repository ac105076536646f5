// The user's own app settings, kept in the host's store under a schema version. What the store
// holds is outside input: written by an older version (migrated), hand-edited or truncated. Each
// field is checked on read and a bad one falls back to its default instead of breaking start-up.
import * as z from 'zod';
import { parseClockTime } from '../../../shared/clockTime';
import { DEFAULT_SETTINGS } from '../../../shared/defaultSettings';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import type { JsonStore } from '../ports';

export { DEFAULT_SETTINGS };

const SETTINGS_KEY = 'settings';

/** The version this build writes. Version 1 (the first release) stored no number at all. */
export const SETTINGS_VERSION = 2;

type StoredRecord = Record<string, unknown>;

/**
 * One step per version: each turns a record of that version into the next. Version 2 kept every
 * version 1 field under its name and meaning and added the idle, reminder, tray and target groups,
 * which read as their defaults until set.
 */
const MIGRATIONS: Record<number, (record: StoredRecord) => StoredRecord> = {
  1: (record) => ({ ...record, schemaVersion: 2 }),
};

function storedVersion(record: StoredRecord): number {
  const version = record.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** The stored record brought up to this build's version (a newer one is read as it is). */
export function migrateSettings(stored: unknown): StoredRecord {
  let record: StoredRecord = isRecord(stored) ? stored : {};
  for (let version = storedVersion(record); version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) break;
    record = step(record);
  }
  return record;
}

/** The stored settings, field by field, with defaults wherever the store holds nothing valid. */
export function readSettings(stored: unknown): Settings {
  const record = migrateSettings(stored);
  const shape = settingsSchema.shape;
  const field = <K extends 'hoursDisplay' | 'launchAtLogin' | 'hideProjectNamesInTray' | 'weeklyTargetHours'>(
    key: K,
  ): Settings[K] => {
    const parsed = shape[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    hoursDisplay: field('hoursDisplay'),
    launchAtLogin: field('launchAtLogin'),
    shortcuts: readGroup(shortcutsSchema, record.shortcuts, DEFAULT_SETTINGS.shortcuts),
    idle: readGroup(shape.idle, record.idle, DEFAULT_SETTINGS.idle),
    reminders: readGroup(shape.reminders, record.reminders, DEFAULT_SETTINGS.reminders),
    hideProjectNamesInTray: field('hideProjectNamesInTray'),
    weeklyTargetHours: field('weeklyTargetHours'),
  };
}

const accelerator = settingsSchema.shape.shortcuts.valueType;
const shortcutsSchema = z.object({ togglePopover: accelerator, quickRestart: accelerator });

/** Each field of a group on its own: one bad value costs that value, not the group. */
function readGroup<T extends object>(schema: z.ZodObject, stored: unknown, fallback: T): T {
  const record = isRecord(stored) ? stored : {};
  const result: Record<string, unknown> = { ...(fallback as Record<string, unknown>) };
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const parsed = (fieldSchema as z.ZodType).safeParse(record[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as T;
}

/** "hoursDisplay" -> "hours display", "idle.thresholdMinutes" -> "idle: threshold minutes". */
function fieldWords(path: string): string {
  return path
    .split('.')
    .map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(': ');
}

/**
 * The stored settings that are there but cannot be read, in words. A field an older version
 * never wrote is not one of them (it simply takes its default), nor one a newer version added.
 */
export function unreadableSettings(stored: unknown): string[] {
  if (stored === undefined) return [];
  if (!isRecord(stored)) return ['all of them'];
  const record = migrateSettings(stored);
  const shape = settingsSchema.shape;
  const unreadable: string[] = [];
  for (const key of ['hoursDisplay', 'launchAtLogin', 'hideProjectNamesInTray', 'weeklyTargetHours'] as const) {
    if (key in record && !shape[key].safeParse(record[key]).success) unreadable.push(fieldWords(key));
  }
  const groups: Array<[string, z.ZodObject]> = [
    ['shortcuts', shortcutsSchema],
    ['idle', shape.idle],
    ['reminders', shape.reminders],
  ];
  for (const [group, schema] of groups) {
    if (!(group in record)) continue;
    const value = record[group];
    if (!isRecord(value)) {
      unreadable.push(fieldWords(group));
      continue;
    }
    for (const [key, fieldSchema] of Object.entries(schema.shape)) {
      if (key in value && !(fieldSchema as z.ZodType).safeParse(value[key]).success) unreadable.push(fieldWords(`${group}.${key}`));
    }
  }
  return unreadable;
}

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const next = settingsSchema.parse({
    ...current,
    ...patch,
    shortcuts: { ...current.shortcuts, ...patch.shortcuts },
    idle: { ...current.idle, ...patch.idle },
    reminders: { ...current.reminders, ...patch.reminders },
  });
  next.reminders.workDays = [...new Set(next.reminders.workDays)].sort((a, b) => a - b);
  const start = parseClockTime(next.reminders.workStart) ?? 0;
  const end = parseClockTime(next.reminders.workEnd) ?? 0;
  if (end <= start) {
    throw new AppFailure({
      kind: 'validation',
      field: 'reminders.workEnd',
      message: 'The working day must end after it starts.',
    });
  }
  return next;
}

export class SettingsService {
  constructor(
    private readonly store: JsonStore,
    private readonly onChange: (settings: Settings) => void,
  ) {
    // An upgrade writes the migrated record once, so the next version starts from this one's.
    const stored = store.get(SETTINGS_KEY);
    if (isRecord(stored) && storedVersion(stored) < SETTINGS_VERSION) {
      store.set(SETTINGS_KEY, migrateSettings(stored));
    }
  }

  get(): Settings {
    return readSettings(this.store.get(SETTINGS_KEY));
  }

  /**
   * At start: settings that cannot be read are set aside in the store (the record as it was,
   * under a dated key) and the ones that fit are kept; returns what was reset, in words, for the
   * user's notice.
   */
  repair(now: Date): string[] {
    const stored = this.store.get(SETTINGS_KEY);
    const unreadable = unreadableSettings(stored);
    if (unreadable.length === 0) return [];
    this.store.set(`${SETTINGS_KEY}-unreadable-${now.toISOString()}`, stored);
    const record = migrateSettings(stored);
    this.store.set(SETTINGS_KEY, {
      ...record,
      ...readSettings(stored),
      schemaVersion: Math.max(storedVersion(record), SETTINGS_VERSION),
    });
    return unreadable;
  }

  update(patch: SettingsPatch): Settings {
    const stored = migrateSettings(this.store.get(SETTINGS_KEY));
    const next = mergeSettings(readSettings(stored), patch);
    // Fields a newer version wrote (and its version number) are kept for it.
    this.store.set(SETTINGS_KEY, {
      ...stored,
      ...next,
      schemaVersion: Math.max(storedVersion(stored), SETTINGS_VERSION),
    });
    this.onChange(next);
    return next;
  }
}

function isRecord(value: unknown): value is StoredRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
