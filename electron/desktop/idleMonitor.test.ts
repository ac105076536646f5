import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stretch } from '../core/idle/idleDecision';
import { createIdleMonitor, WAYLAND_IDLE_NOTE, type IdleMonitor } from './idleMonitor';
import { fake, powerMonitor } from './testing/fakeElectron';

const T0 = Date.parse('2026-11-20T09:00:00Z');
let clock = T0;
const minutes = (value: number) => new Date(T0 + value * 60_000);
let monitor: IdleMonitor | undefined;

function start(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = {}) {
  const reports: Stretch[] = [];
  monitor = createIdleMonitor({
    powerMonitor,
    env,
    platform,
    report: (stretch) => reports.push(stretch),
    now: () => new Date(clock),
    // The test takes its own readings; the interval never fires during it.
    readingIntervalMs: 15_000,
  });
  return reports;
}

/** Readings every 15 s until `to` minutes, with the idle time the desktop would report. */
function readUntil(to: number, idleSince: number | null) {
  for (; clock <= T0 + to * 60_000; clock += 15_000) {
    powerMonitor.idleSeconds = idleSince === null ? 0 : Math.max(0, Math.floor((clock - (T0 + idleSince * 60_000)) / 1000));
    monitor?.read();
  }
}

beforeEach(() => {
  fake.reset();
  clock = T0;
});
afterEach(() => monitor?.dispose());

describe('idle monitor', () => {
  it('reports idleness from the last input, once the user is back', () => {
    const reports = start('linux');
    readUntil(5, null);
    readUntil(30, 5);
    expect(reports).toEqual([]);
    // The first reading after 30:00 (at 30:15) shows fresh input.
    readUntil(31, null);
    expect(reports).toEqual([{ from: minutes(5), to: minutes(30.25) }]);
  });

  it('on macOS, a lock counts from the lock-screen event to the unlock', () => {
    const reports = start('darwin');
    readUntil(2, null);
    clock = minutes(3).getTime();
    powerMonitor.emit('lock-screen');
    readUntil(40, null);
    clock = minutes(41).getTime();
    powerMonitor.emit('unlock-screen');
    expect(reports).toEqual([{ from: minutes(3), to: minutes(41) }]);
  });

  it('on Linux, where no lock events come, a locked idle state counts as locked', () => {
    const reports = start('linux');
    readUntil(2, null);
    powerMonitor.locked = true;
    readUntil(20, null);
    powerMonitor.locked = false;
    readUntil(20.25, null);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.to.getTime() ?? 0).toBeGreaterThan(minutes(20).getTime());
  });

  it('sleep counts from the suspend event; waking into a locked screen waits for the unlock', () => {
    const reports = start('linux');
    readUntil(1, null);
    powerMonitor.emit('suspend');
    clock = minutes(90).getTime();
    powerMonitor.locked = true;
    powerMonitor.emit('resume');
    expect(reports).toEqual([]);
    powerMonitor.locked = false;
    clock += 15_000;
    monitor?.read();
    expect(reports).toEqual([{ from: new Date(T0 + 60_000 + 15_000), to: new Date(clock) }]);
  });

  it('stops listening when disposed', () => {
    start('darwin');
    expect(powerMonitor.listenerCount('lock-screen')).toBe(1);
    monitor?.dispose();
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });

  it('says so where a Wayland desktop reports no idle time, until a reading proves it does', () => {
    start('linux', { XDG_SESSION_TYPE: 'wayland' });
    expect(monitor?.support()).toEqual({ idleTime: false, idleNote: WAYLAND_IDLE_NOTE });
    readUntil(3, null);
    expect(monitor?.support().idleTime).toBe(false);
    readUntil(4, 3);
    expect(monitor?.support()).toEqual({ idleTime: true, idleNote: null });
    monitor?.dispose();
    start('linux', { XDG_SESSION_TYPE: 'x11' });
    expect(monitor?.support()).toEqual({ idleTime: true, idleNote: null });
  });
});
