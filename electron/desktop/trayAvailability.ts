// Whether this desktop will show a tray icon at all. Stock GNOME shows none unless the
// AppIndicator extension provides a StatusNotifierWatcher on the session bus; there the popover
// opens as an ordinary window instead, and the user is told why once.
import { execFile } from 'node:child_process';

export type TrayAvailability = { available: true } | { available: false; reason: string };

export interface TrayAvailabilityInput {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** true / false when the session bus answered; null when it could not be asked. */
  statusNotifierWatcher: () => Promise<boolean | null>;
}

export async function trayAvailability({ env, platform, statusNotifierWatcher }: TrayAvailabilityInput): Promise<TrayAvailability> {
  if (env.HARVEST_TRAY_NO_TRAY === '1') {
    return { available: false, reason: 'HARVEST_TRAY_NO_TRAY=1 asks for a window instead of a tray icon.' };
  }
  if (platform !== 'linux' || !isGnome(env)) return { available: true };
  // Unknown (no dbus-send, no session bus): assume the icon shows rather than surprise people.
  if ((await statusNotifierWatcher()) !== false) return { available: true };
  return {
    available: false,
    reason: 'GNOME shows no tray icons unless the AppIndicator extension is installed, so Harvest Tray opens as a window.',
  };
}

function isGnome(env: NodeJS.ProcessEnv): boolean {
  return (env.XDG_CURRENT_DESKTOP ?? '').split(':').some((name) => name.trim().toUpperCase() === 'GNOME');
}

export type CommandRunner = (command: string, args: string[]) => Promise<string>;

const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 1_500, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });

/** Asks the session bus whether anything hosts tray icons (StatusNotifierItem watcher). */
export async function hasStatusNotifierWatcher(run: CommandRunner = runCommand): Promise<boolean | null> {
  try {
    const reply = await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.kde.StatusNotifierWatcher',
    ]);
    const answer = /boolean\s+(true|false)/.exec(reply);
    return answer ? answer[1] === 'true' : null;
  } catch {
    return null;
  }
}
