// Chromium switches that must be set before the app's `ready` event, when Chromium reads them
// (docs/api/command-line-switches.md). Called from main.ts's first lines.

/** The slice of app.commandLine used here. */
export interface CommandLineLike {
  appendSwitch(name: string, value?: string): void;
  getSwitchValue(name: string): string;
}

export const SHORTCUTS_PORTAL_FEATURE = 'GlobalShortcutsPortal';

export function isWayland(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * How global shortcuts reach a Wayland desktop, from HARVEST_TRAY_SHORTCUT_PORTAL:
 * '1' turns on Electron's GlobalShortcutsPortal feature explicitly (the desktop's
 * org.freedesktop.portal.GlobalShortcuts binds the keys, GNOME asks the user once);
 * '0' leaves shortcuts off, for desktops whose portal misbehaves (bind `harvest-tray --toggle`
 * in the desktop's own settings instead); unset follows Electron, whose docs say the portal path
 * is on by default on Wayland (docs/api/global-shortcut.md "Usage on Linux").
 */
export type ShortcutPortalChoice = 'on' | 'off' | 'electron-default';

export function shortcutPortalChoice(env: NodeJS.ProcessEnv): ShortcutPortalChoice {
  const value = env.HARVEST_TRAY_SHORTCUT_PORTAL?.trim();
  if (value === '1') return 'on';
  if (value === '0') return 'off';
  return 'electron-default';
}

export function applyStartupSwitches(commandLine: CommandLineLike, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): void {
  if (platform !== 'linux' || !isWayland(env) || shortcutPortalChoice(env) !== 'on') return;
  // One --enable-features list: keep what the user passed and add ours.
  const features = commandLine.getSwitchValue('enable-features').split(',').filter(Boolean);
  if (!features.includes(SHORTCUTS_PORTAL_FEATURE)) features.push(SHORTCUTS_PORTAL_FEATURE);
  commandLine.appendSwitch('enable-features', features.join(','));
}
