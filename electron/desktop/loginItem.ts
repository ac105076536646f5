// Launch at login. macOS and Windows have login items (app.setLoginItemSettings); Linux has none
// in Electron (docs/api/app.md marks the call macOS/Windows), so there the app writes and removes
// an XDG autostart entry, as the freedesktop.org Desktop Application Autostart Specification
// describes: a .desktop file in $XDG_CONFIG_HOME/autostart (~/.config/autostart by default).
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** The app's desktop-entry id: package.json's desktopName without ".desktop" (a test keeps them equal). */
export const DESKTOP_ID = 'app.harvesttray.HarvestTray';

export interface LoginItemHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** app.setLoginItemSettings, for macOS and Windows. */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  /** process.execPath: the installed binary, or Electron itself from a checkout. */
  execPath: string;
  /** app.getAppPath(), passed to Electron when running from a checkout. */
  appPath: string;
  isPackaged: boolean;
  homeDir?: string;
}

export interface LoginItem {
  apply(openAtLogin: boolean): void;
  /** Where the autostart entry lives (Linux), for messages and tests. */
  readonly entryPath: string | null;
}

export function createLoginItem(host: LoginItemHost): LoginItem {
  if (host.platform === 'darwin' || host.platform === 'win32') {
    return { apply: (openAtLogin) => host.setLoginItemSettings({ openAtLogin }), entryPath: null };
  }
  const configHome = host.env.XDG_CONFIG_HOME?.trim() || join(host.homeDir ?? homedir(), '.config');
  const folder = join(configHome, 'autostart');
  const entryPath = join(folder, `${DESKTOP_ID}.desktop`);
  return {
    entryPath,
    apply(openAtLogin) {
      if (!openAtLogin) return rmSync(entryPath, { force: true });
      mkdirSync(folder, { recursive: true });
      // Rewritten at every start while enabled: an AppImage that moved is found where it is now.
      writeFileAtomic.sync(entryPath, autostartEntry(launchCommand(host)));
    },
  };
}

/** The program and arguments that start this copy of the app. */
export function launchCommand(host: Pick<LoginItemHost, 'env' | 'execPath' | 'appPath' | 'isPackaged'>): string[] {
  // An AppImage runs from a temporary mount; APPIMAGE is the file the user keeps.
  const appImage = host.env.APPIMAGE?.trim();
  if (appImage) return [appImage];
  return host.isPackaged ? [host.execPath] : [host.execPath, host.appPath];
}

export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Harvest Tray',
    'Comment=Harvest timer in the system tray',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Icon=harvest-tray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec key, per the Desktop Entry Specification ("The Exec key"): quoted when
 * it holds a reserved character, with " ` $ \ escaped inside the quotes; then the string-value
 * escape doubles every backslash again; a literal % is written %%.
 */
export function execArgument(argument: string): string {
  if (/[\n\r]/.test(argument)) throw new Error('A program path with a line break cannot be started at login.');
  const quoted = RESERVED.test(argument) ? `"${argument.replace(/["`$\\]/g, (char) => `\\${char}`)}"` : argument;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
