// The two global shortcuts. A shortcut that cannot be registered is reported with the reason in
// words (settings shows it), never silently lost: users bind `--quick-restart` etc. instead.
import type { Settings, ShortcutAction, ShortcutStatus } from '../../shared/domain';
import { isWayland, shortcutPortalChoice } from './startupSwitches';

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface ShortcutRegistryOptions {
  globalShortcut: GlobalShortcutLike;
  actions: Record<ShortcutAction, () => void>;
  env: NodeJS.ProcessEnv;
  onChange(status: ShortcutStatus[]): void;
}

export interface ShortcutRegistry {
  /** Unregisters what was held and registers these; returns and reports the outcome. */
  apply(shortcuts: Settings['shortcuts']): ShortcutStatus[];
  status(): ShortcutStatus[];
  dispose(): void;
}

const ACTIONS: ShortcutAction[] = ['togglePopover', 'quickRestart'];

const BIND_INSTEAD = 'Bind a key in your desktop settings to run harvest-tray --toggle or --quick-restart instead.';
const WAYLAND_OFF = `Global shortcuts are off on this Wayland session (HARVEST_TRAY_SHORTCUT_PORTAL=0). ${BIND_INSTEAD}`;
const WAYLAND_REFUSED = (accelerator: string) =>
  `This Wayland desktop did not accept ${accelerator} (its GlobalShortcuts portal may be missing). ${BIND_INSTEAD}`;

export function createShortcutRegistry(options: ShortcutRegistryOptions): ShortcutRegistry {
  const { globalShortcut, actions, env, onChange } = options;
  const wayland = isWayland(env);
  let held: string[] = [];
  let current: ShortcutStatus[] = [];

  const release = () => {
    for (const accelerator of held) globalShortcut.unregister(accelerator);
    held = [];
  };

  const registerOne = (action: ShortcutAction, accelerator: string): ShortcutStatus => {
    const status = (registered: boolean, problem: string | null): ShortcutStatus => ({
      action,
      accelerator,
      registered,
      problem,
    });
    if (accelerator.trim() === '') return status(false, 'No shortcut is set.');
    // On Wayland the keys go through the desktop's GlobalShortcuts portal (Electron's default);
    // a user who turned that off gets the command-line way instead of a silent failure.
    if (wayland && shortcutPortalChoice(env) === 'off') return status(false, WAYLAND_OFF);
    if (held.includes(accelerator)) return status(false, 'The other Harvest Tray shortcut already uses these keys.');
    try {
      if (!globalShortcut.register(accelerator, actions[action])) {
        // Electron answers false when another app holds the keys, or when there is nothing to
        // register with at all (Wayland without a portal): docs/api/global-shortcut.md.
        return status(false, wayland ? WAYLAND_REFUSED(accelerator) : `${accelerator} is already taken by another app or by the system.`);
      }
    } catch {
      return status(false, `${accelerator} is not a key combination the system understands.`);
    }
    held.push(accelerator);
    return status(true, null);
  };

  return {
    apply(shortcuts) {
      release();
      current = ACTIONS.map((action) => registerOne(action, shortcuts[action] ?? ''));
      onChange(current);
      return current;
    },
    status: () => current,
    dispose: release,
  };
}
