// The two global shortcuts. A shortcut that cannot be registered is reported with the reason in
// words (settings shows it), never silently lost: users bind `--quick-restart` etc. instead.
import type { Settings, ShortcutAction, ShortcutStatus } from '../../shared/domain';

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

const WAYLAND_PROBLEM =
  'This Wayland session does not let apps register global shortcuts. Bind a key in your desktop settings to run Harvest Tray with --toggle or --quick-restart instead.';

export function createShortcutRegistry(options: ShortcutRegistryOptions): ShortcutRegistry {
  const { globalShortcut, actions, env, onChange } = options;
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
    // Electron's X11 grab does not reach native Wayland windows; without the GlobalShortcuts
    // portal a registration "succeeds" yet never fires, so say so up front.
    if (isWaylandWithoutPortal(env)) return status(false, WAYLAND_PROBLEM);
    if (held.includes(accelerator)) return status(false, 'The other Harvest Tray shortcut already uses these keys.');
    try {
      if (!globalShortcut.register(accelerator, actions[action])) {
        return status(false, `${accelerator} is already taken by another app or by the system.`);
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

/** A Wayland session where Electron was not started with the GlobalShortcutsPortal feature. */
export function isWaylandWithoutPortal(env: NodeJS.ProcessEnv): boolean {
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  return wayland && env.HARVEST_TRAY_SHORTCUT_PORTAL !== '1';
}
