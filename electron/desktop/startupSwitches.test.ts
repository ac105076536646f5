import { beforeEach, describe, expect, it } from 'vitest';
import { applyStartupSwitches, shortcutPortalChoice } from './startupSwitches';
import { fake } from './testing/fakeElectron';

beforeEach(() => {
  fake.reset();
  fake.app.startUnready();
});

const wayland = { XDG_SESSION_TYPE: 'wayland' };

describe('start-up switches', () => {
  it('HARVEST_TRAY_SHORTCUT_PORTAL=1 on Wayland turns the GlobalShortcutsPortal feature on, before ready', () => {
    applyStartupSwitches(fake.app.commandLine, { ...wayland, HARVEST_TRAY_SHORTCUT_PORTAL: '1' }, 'linux');
    fake.app.becomeReady();
    expect(fake.app.commandLine.effectiveFeatures()).toEqual(['GlobalShortcutsPortal']);
  });

  it('keeps features the user already asked for', () => {
    fake.app.commandLine.appendSwitch('enable-features', 'WaylandWindowDecorations');
    applyStartupSwitches(fake.app.commandLine, { WAYLAND_DISPLAY: 'wayland-0', HARVEST_TRAY_SHORTCUT_PORTAL: '1' }, 'linux');
    expect(fake.app.commandLine.getSwitchValue('enable-features')).toBe('WaylandWindowDecorations,GlobalShortcutsPortal');
  });

  it('adds nothing off Wayland, off Linux, or when not asked', () => {
    applyStartupSwitches(fake.app.commandLine, { XDG_SESSION_TYPE: 'x11', HARVEST_TRAY_SHORTCUT_PORTAL: '1' }, 'linux');
    applyStartupSwitches(fake.app.commandLine, { ...wayland, HARVEST_TRAY_SHORTCUT_PORTAL: '1' }, 'darwin');
    applyStartupSwitches(fake.app.commandLine, wayland, 'linux');
    applyStartupSwitches(fake.app.commandLine, { ...wayland, HARVEST_TRAY_SHORTCUT_PORTAL: '0' }, 'linux');
    expect(fake.app.commandLine.switches).toEqual([]);
  });

  it('reads the variable as on, off, or Electron’s default', () => {
    expect(shortcutPortalChoice({ HARVEST_TRAY_SHORTCUT_PORTAL: '1' })).toBe('on');
    expect(shortcutPortalChoice({ HARVEST_TRAY_SHORTCUT_PORTAL: '0' })).toBe('off');
    expect(shortcutPortalChoice({})).toBe('electron-default');
    expect(shortcutPortalChoice({ HARVEST_TRAY_SHORTCUT_PORTAL: 'yes' })).toBe('electron-default');
  });
});
