import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './memory';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsService, migrateSettings, readSettings } from './settings';

/** Exactly what the first release wrote: three fields and no version number. */
const VERSION_1_RECORD = {
  hoursDisplay: 'hours_minutes',
  launchAtLogin: true,
  shortcuts: { togglePopover: 'Alt+Shift+T', quickRestart: '' },
};

describe('readSettings', () => {
  it('gives the defaults for nothing stored or something that is not an object', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields and replaces only the invalid ones', () => {
    expect(
      readSettings({
        hoursDisplay: 'hours_minutes',
        launchAtLogin: 'yes',
        shortcuts: { togglePopover: 'Alt+T', quickRestart: 42 },
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      hoursDisplay: 'hours_minutes',
      launchAtLogin: false,
      shortcuts: { togglePopover: 'Alt+T', quickRestart: 'CommandOrControl+Alt+R' },
    });
    expect(readSettings({ hoursDisplay: 'fortnights' }).hoursDisplay).toBe('account');
  });

  it('reads a group field by field: one hand-edited value costs only that value', () => {
    const settings = readSettings({
      schemaVersion: 2,
      idle: { enabled: false, minutes: -3 },
      reminders: { workStart: '8:30', workEnd: 'teatime', workDays: [1, 9], noTimer: true },
      weeklyTargetHours: 32.5,
    });
    expect(settings.idle).toEqual({ enabled: false, minutes: 10 });
    expect(settings.reminders).toEqual({
      ...DEFAULT_SETTINGS.reminders,
      workStart: '8:30',
      noTimer: true,
    });
    expect(settings.weeklyTargetHours).toBe(32.5);
  });
});

describe('settings migration', () => {
  it('an upgrade from the first release keeps every setting it had', () => {
    const migrated = readSettings(VERSION_1_RECORD);
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, ...VERSION_1_RECORD });
    expect(migrateSettings(VERSION_1_RECORD)).toEqual({ ...VERSION_1_RECORD, schemaVersion: SETTINGS_VERSION });
  });

  it('writes the migrated record once at start-up, and later updates keep the old values', () => {
    const store = createMemoryStore({ settings: VERSION_1_RECORD });
    const service = new SettingsService(store, vi.fn());
    expect(store.get('settings')).toEqual({ ...VERSION_1_RECORD, schemaVersion: 2 });

    service.update({ idle: { minutes: 5 } });
    const restarted = new SettingsService(store, vi.fn());
    expect(restarted.get()).toEqual({ ...DEFAULT_SETTINGS, ...VERSION_1_RECORD, idle: { enabled: true, minutes: 5 } });
  });

  it('a record from a newer version is read as far as it fits, and its own fields survive an update', () => {
    const store = createMemoryStore({
      settings: { schemaVersion: 9, hoursDisplay: 'decimal', launchAtLogin: true, theme: 'sepia' },
    });
    const service = new SettingsService(store, vi.fn());
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, hoursDisplay: 'decimal', launchAtLogin: true });
    service.update({ hideProjectNamesInTray: true });
    expect(store.get('settings')).toMatchObject({ schemaVersion: 9, theme: 'sepia', hideProjectNamesInTray: true });
  });
});

describe('SettingsService', () => {
  it('merges an update, stores it and tells the listener', () => {
    const store = createMemoryStore();
    const listener = vi.fn();
    const settings = new SettingsService(store, listener);
    const next = settings.update({ launchAtLogin: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, launchAtLogin: true });
    expect(listener).toHaveBeenCalledWith(next);
    expect(new SettingsService(store, vi.fn()).get()).toEqual(next);
  });

  it('keeps the other shortcut when one is changed, and an empty accelerator disables one', () => {
    const settings = new SettingsService(createMemoryStore(), vi.fn());
    expect(settings.update({ shortcuts: { togglePopover: '' } }).shortcuts).toEqual({
      togglePopover: '',
      quickRestart: 'CommandOrControl+Alt+R',
    });
    expect(settings.update({ hoursDisplay: 'decimal' }).shortcuts.togglePopover).toBe('');
  });

  it('changes one reminder field without touching the others, and keeps the working days in order', () => {
    const settings = new SettingsService(createMemoryStore(), vi.fn());
    const next = settings.update({ reminders: { noTimer: true, workDays: [5, 1, 3, 3] } });
    expect(next.reminders).toEqual({ ...DEFAULT_SETTINGS.reminders, noTimer: true, workDays: [1, 3, 5] });
  });

  it('refuses a working day that ends before it starts, and stores nothing', () => {
    const store = createMemoryStore();
    const listener = vi.fn();
    const settings = new SettingsService(store, listener);
    expect(() => settings.update({ reminders: { workStart: '18:00', workEnd: '9:00' } })).toThrow(
      'The working day must end after it starts.',
    );
    expect(store.get('settings')).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });
});
