import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/app/Core';
import { DEFAULT_SETTINGS } from '../../shared/defaultSettings';
import type { Settings } from '../../shared/domain';
import { timeEntry } from '../../shared/testing/timeEntry';
import { createDesktopPresence } from './presence';
import { fake, powerMonitor } from './testing/fakeElectron';

let presence: ReturnType<typeof createDesktopPresence> | undefined;
afterEach(() => presence?.dispose());
beforeEach(() => fake.reset());

function setup(platform: NodeJS.Platform, settings: Settings = DEFAULT_SETTINGS, running = true) {
  const window = new EventEmitter();
  const calls: string[] = [];
  let finishStop: () => void = () => {};
  const core = {
    runningEntry: () => (running ? timeEntry({ isRunning: true }) : null),
    stopForShutdown: vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve))),
    reportIdle: vi.fn(async () => {}),
  } as unknown as Core;
  presence = createDesktopPresence({
    powerMonitor,
    notifications: { create: () => ({ on: () => undefined, show: () => calls.push('shown'), close: () => undefined }), isSupported: () => true },
    platform,
    env: {},
    core: () => core,
    settings: () => settings,
    showPopover: () => calls.push('popover'),
    openReview: () => calls.push('review'),
    quit: () => calls.push('quit'),
    shortcuts: { release: () => calls.push('release'), reapply: () => calls.push('reapply') },
  });
  presence.watchWindow(window);
  return { core, calls, window, finishStop: () => finishStop() };
}

const stopOnShutdown: Settings = { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, stopOnShutdown: true } };

describe('desktop presence', () => {
  it('on shutdown with a timer running, delays the shutdown until the stop is sent, then quits', async () => {
    const { core, calls, finishStop } = setup('linux', stopOnShutdown);
    const event = { preventDefault: vi.fn() };
    powerMonitor.emit('shutdown', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(core.stopForShutdown).toHaveBeenCalledTimes(1);
    expect(calls).not.toContain('quit');
    finishStop();
    await vi.waitFor(() => expect(calls).toContain('quit'));
  });

  it('on Windows, the end of the session stops the timer the same way', () => {
    const { core, window } = setup('win32', stopOnShutdown);
    window.emit('session-end', {});
    expect(core.stopForShutdown).toHaveBeenCalledTimes(1);
  });

  it('does not hold up a shutdown when the setting is off or nothing runs', () => {
    for (const [settings, running] of [[DEFAULT_SETTINGS, true], [stopOnShutdown, false]] as const) {
      const { core } = setup('darwin', settings, running);
      const event = { preventDefault: vi.fn() };
      powerMonitor.emit('shutdown', event);
      expect(event.preventDefault).not.toHaveBeenCalled();
      expect(core.stopForShutdown).not.toHaveBeenCalled();
      presence?.dispose();
      fake.reset();
    }
  });

  it('lets go of the shortcuts while one is recorded, and takes them back after (or after a minute)', () => {
    vi.useFakeTimers();
    try {
      const { calls } = setup('linux');
      presence?.hooks.pauseShortcuts(true);
      presence?.hooks.pauseShortcuts(false);
      presence?.hooks.pauseShortcuts(true);
      vi.advanceTimersByTime(60_000);
      expect(calls).toEqual(['release', 'reapply', 'release', 'reapply']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers launch at login where the app can set it: login items on macOS and Windows, an autostart entry on Linux', () => {
    expect(setup('darwin').window && presence?.hooks.capabilities().launchAtLogin).toBe(true);
    presence?.dispose();
    expect(setup('freebsd').window && presence?.hooks.capabilities().launchAtLogin).toBe(false);
    presence?.dispose();
    expect(setup('linux').window && presence?.hooks.capabilities()).toEqual({
      launchAtLogin: true,
      globalShortcuts: true,
      idleTime: true,
      idleNote: null,
    });
  });

  it('an idle question opens the popover and notifies', () => {
    const { calls } = setup('linux');
    presence?.hooks.askAboutIdle({ spans: [{ from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T10:30:00.000Z' }], entry: timeEntry(), idleMinutes: 30 });
    expect(calls).toEqual(['popover', 'shown']);
  });
});
