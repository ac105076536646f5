import { describe, expect, it } from 'vitest';
import { hasStatusNotifierWatcher, trayAvailability } from './trayAvailability';

const watcher = (answer: boolean | null) => async () => answer;

describe('trayAvailability', () => {
  it('honours HARVEST_TRAY_NO_TRAY=1 anywhere, saying why', async () => {
    const result = await trayAvailability({ env: { HARVEST_TRAY_NO_TRAY: '1' }, platform: 'darwin', statusNotifierWatcher: watcher(true) });
    expect(result).toEqual({ available: false, reason: expect.stringContaining('HARVEST_TRAY_NO_TRAY') });
  });

  it('on GNOME without a StatusNotifierWatcher opens a window and names the extension', async () => {
    const result = await trayAvailability({
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      platform: 'linux',
      statusNotifierWatcher: watcher(false),
    });
    expect(result).toEqual({ available: false, reason: expect.stringContaining('AppIndicator') });
  });

  it('keeps the tray on GNOME with AppIndicator (Ubuntu), or when the bus cannot be asked', async () => {
    for (const answer of [true, null]) {
      const result = await trayAvailability({
        env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
        platform: 'linux',
        statusNotifierWatcher: watcher(answer),
      });
      expect(result).toEqual({ available: true });
    }
  });

  it('does not ask the bus on other desktops', async () => {
    let asked = false;
    const probe = async () => {
      asked = true;
      return false;
    };
    for (const [env, platform] of [[{ XDG_CURRENT_DESKTOP: 'KDE' }, 'linux'], [{ XDG_CURRENT_DESKTOP: 'GNOME' }, 'win32']] as const) {
      await expect(trayAvailability({ env, platform, statusNotifierWatcher: probe })).resolves.toEqual({ available: true });
    }
    expect(asked).toBe(false);
  });
});

describe('hasStatusNotifierWatcher', () => {
  it('reads dbus-send replies and asks about the watcher name', async () => {
    const calls: string[][] = [];
    const reply = (text: string) => async (command: string, args: string[]) => {
      calls.push([command, ...args]);
      return text;
    };
    await expect(hasStatusNotifierWatcher(reply('method return time=1\n   boolean true\n'))).resolves.toBe(true);
    await expect(hasStatusNotifierWatcher(reply('method return time=1\n   boolean false\n'))).resolves.toBe(false);
    await expect(hasStatusNotifierWatcher(reply('garbage'))).resolves.toBeNull();
    expect(calls[0]).toContain('string:org.kde.StatusNotifierWatcher');
  });

  it('answers null when dbus-send is missing or fails', async () => {
    const failing = async () => {
      throw new Error('spawn dbus-send ENOENT');
    };
    await expect(hasStatusNotifierWatcher(failing)).resolves.toBeNull();
  });
});
