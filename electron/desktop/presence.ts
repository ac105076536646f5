// The desktop's part in idle time and reminders: the idle monitor reporting to the core, the
// system notifications, the stop on shutdown, and what the settings view may offer here.
import type { Channel, Reply, RequestOf, ResponseOf } from '../../shared/contract';
import type { Settings, Snooze } from '../../shared/domain';
import type { Core, HostHooks } from '../core/app/Core';
import { createIdleMonitor, type PowerMonitorLike } from './idleMonitor';
import { createNotifier, type NotificationLike, type NotificationOptionsLike } from './notifier';

/** What Electron hands a 'shutdown' listener (Linux, macOS): delaying is allowed, briefly. */
interface ShutdownEvent {
  preventDefault(): void;
}

export interface DesktopPresenceOptions {
  powerMonitor: PowerMonitorLike & { on(event: 'shutdown', listener: (event?: ShutdownEvent) => void): unknown };
  notifications: { create(options: NotificationOptionsLike): NotificationLike; isSupported(): boolean };
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The core is built with these hooks, so it is reached late: null until it is ready. */
  core: () => Core | null;
  settings: () => Settings | null;
  showPopover(): void;
  openReview(): void;
  quit(): void;
  shortcuts: { release(): void; reapply(): void };
}

/** The one door into the core (dispatch), handed over once the core is ready. */
export type CoreCall = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>>;

/** A recording left open (the popover closed half way) must not leave the shortcuts off. */
const RECORDING_LIMIT_MS = 60_000;
/** How long a shutdown waits for the timer's stop to reach Harvest; after that it is made at the next start. */
const SHUTDOWN_WAIT_MS = 4_000;

export function createDesktopPresence(options: DesktopPresenceOptions) {
  const { platform } = options;
  let call: CoreCall | null = null;
  const snooze = (choice: Snooze) => void call?.('reminders.snooze', { for: choice });
  const notifier = createNotifier({
    ...options.notifications,
    platform,
    openPopover: options.showPopover,
    openReview: options.openReview,
    snooze,
  });
  const idle = createIdleMonitor({
    powerMonitor: options.powerMonitor,
    env: options.env,
    platform,
    report: (stretch) => void options.core()?.reportIdle(stretch),
  });

  let shuttingDown = false;
  const stopForShutdown = (event?: ShutdownEvent) => {
    const core = options.core();
    if (shuttingDown || core === null || !options.settings()?.reminders.stopOnShutdown || core.runningEntry() === null) return;
    shuttingDown = true;
    event?.preventDefault();
    const stop = core.stopForShutdown().catch(() => undefined);
    void Promise.race([stop, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS))]).finally(() => options.quit());
  };
  options.powerMonitor.on('shutdown', stopForShutdown);

  let recording: ReturnType<typeof setTimeout> | undefined;
  const hooks: Required<Pick<HostHooks, 'capabilities' | 'pauseShortcuts' | 'askAboutIdle' | 'remind'>> = {
    capabilities: () => ({
      // Login items on macOS and Windows; an XDG autostart entry on Linux (loginItem.ts).
      launchAtLogin: platform === 'darwin' || platform === 'win32' || platform === 'linux',
      globalShortcuts: true,
      ...idle.support(),
    }),
    pauseShortcuts: (paused) => {
      clearTimeout(recording);
      if (!paused) return options.shortcuts.reapply();
      options.shortcuts.release();
      recording = setTimeout(options.shortcuts.reapply, RECORDING_LIMIT_MS);
    },
    askAboutIdle: (question) => {
      options.showPopover();
      notifier.idle(question);
    },
    remind: (reminder, text) => notifier.reminder(reminder, text),
  };

  return {
    hooks,
    /** Windows announces the end of the session on a window rather than on powerMonitor. */
    watchWindow(window: { on(event: 'session-end', listener: () => void): unknown }) {
      window.on('session-end', () => stopForShutdown());
    },
    connect(coreCall: CoreCall) {
      call = coreCall;
    },
    dispose() {
      clearTimeout(recording);
      idle.dispose();
    },
  };
}
