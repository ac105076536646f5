import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './memory';
import { DEFAULT_SETTINGS, SettingsService, readSettings } from './settings';

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
      hoursDisplay: 'hours_minutes',
      launchAtLogin: false,
      shortcuts: { togglePopover: 'Alt+T', quickRestart: 'CommandOrControl+Alt+R' },
    });
    expect(readSettings({ hoursDisplay: 'fortnights' }).hoursDisplay).toBe('account');
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
    const next = settings.update({ shortcuts: { togglePopover: '', quickRestart: 'Alt+R' } });
    expect(next.shortcuts).toEqual({ togglePopover: '', quickRestart: 'Alt+R' });
    expect(settings.update({ hoursDisplay: 'decimal' }).shortcuts).toEqual(next.shortcuts);
  });
});
