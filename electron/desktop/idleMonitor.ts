// The desktop side of idle time: Electron's powerMonitor (idle-time readings, lock, sleep) fed to
// the core's IdleTracker; each time away is handed to the core when the user is back.
//
// Where the desktop does not tell apps the idle time (some Wayland sessions read 0 for ever), the
// monitor says so, and still notices locking and sleep; the first reading above zero proves the
// desktop does report it after all.
import { IdleTracker } from '../core/idle/idleTracker';
import type { Stretch } from '../core/idle/idleDecision';
import { isWayland } from './startupSwitches';

type PowerEvent = 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume';

/** The parts of Electron's powerMonitor used here. */
export interface PowerMonitorLike {
  getSystemIdleTime(): number;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
  on(event: PowerEvent, listener: () => void): unknown;
  removeListener(event: PowerEvent, listener: () => void): unknown;
}

export interface IdleMonitorOptions {
  powerMonitor: PowerMonitorLike;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The user is back after this time away. */
  report(stretch: Stretch): void;
  now?: () => Date;
  readingIntervalMs?: number;
}

export interface IdleSupport {
  idleTime: boolean;
  idleNote: string | null;
}

export interface IdleMonitor {
  support(): IdleSupport;
  /** Takes a reading now (the interval does it on its own). */
  read(): void;
  dispose(): void;
}

/** Often enough that "back" is seen within seconds of the first key press. */
export const IDLE_READING_MS = 15_000;

export const WAYLAND_IDLE_NOTE =
  'This Wayland desktop may not tell apps how long the keyboard and mouse were unused. ' +
  'Locking the screen and sleep are still noticed, and count as idle time.';

export function createIdleMonitor(options: IdleMonitorOptions): IdleMonitor {
  const { powerMonitor, platform } = options;
  const now = options.now ?? (() => new Date());
  const readingIntervalMs = options.readingIntervalMs ?? IDLE_READING_MS;
  const tracker = new IdleTracker({ readingIntervalMs });
  let reported = !isWayland(options.env) || platform !== 'linux';
  // macOS and Windows announce locking; elsewhere the idle state says "locked" where it can.
  const lockEvents = platform === 'darwin' || platform === 'win32';
  let lockedByReading = false;

  const hand = (stretch: Stretch | null) => {
    if (stretch) options.report(stretch);
  };

  const read = () => {
    const at = now();
    const idleSeconds = powerMonitor.getSystemIdleTime();
    if (idleSeconds > 0) reported = true;
    if (!lockEvents) {
      const locked = powerMonitor.getSystemIdleState(60) === 'locked';
      if (locked && !lockedByReading) tracker.lock(at);
      if (!locked && lockedByReading) hand(tracker.unlock(at));
      lockedByReading = locked;
    }
    hand(tracker.reading(at, idleSeconds));
  };

  const listeners: Record<PowerEvent, () => void> = {
    'lock-screen': () => tracker.lock(now()),
    'unlock-screen': () => hand(tracker.unlock(now())),
    suspend: () => tracker.suspend(now()),
    resume: () => {
      const at = now();
      if (!lockEvents && powerMonitor.getSystemIdleState(60) === 'locked') {
        lockedByReading = true;
        tracker.lock(at);
      }
      hand(tracker.resume(at));
    },
  };
  for (const [event, listener] of Object.entries(listeners) as Array<[PowerEvent, () => void]>) {
    powerMonitor.on(event, listener);
  }
  const interval = setInterval(read, readingIntervalMs);
  interval.unref?.();

  return {
    support: () => (reported ? { idleTime: true, idleNote: null } : { idleTime: false, idleNote: WAYLAND_IDLE_NOTE }),
    read,
    dispose() {
      clearInterval(interval);
      for (const [event, listener] of Object.entries(listeners) as Array<[PowerEvent, () => void]>) {
        powerMonitor.removeListener(event, listener);
      }
    },
  };
}
