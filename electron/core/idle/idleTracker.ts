// Turns what the desktop says about the user (idle-time readings, lock, sleep) into stretches of
// time away, each reported once, when the user is back. Plain and clock-free: the desktop adapter
// feeds it moments; tests feed it a script.
//
// Locking the screen and sleeping count as away from their first moment; plain idleness from the
// last input (the reading's moment minus the idle time). A gap in the readings much longer than
// their interval is a sleep the desktop did not announce. The user's threshold is the core's to
// apply: here only stretches shorter than a minute are dropped as noise.
import type { Stretch } from './idleDecision';

export interface IdleTrackerOptions {
  /** How often the adapter takes readings: a gap of several of these is taken for a sleep. */
  readingIntervalMs: number;
  /** Stretches shorter than this are not reported (default one minute). */
  floorMs?: number;
}

const SLEEP_GAP_READINGS = 4;

export class IdleTracker {
  private awaySince: number | null = null;
  private locked = false;
  private asleep = false;
  private lastReadingAt: number | null = null;
  /** Where the last reported stretch ended: a reading cannot reach back before it again. */
  private backAt = Number.NEGATIVE_INFINITY;
  private readonly floorMs: number;

  constructor(private readonly options: IdleTrackerOptions) {
    this.floorMs = options.floorMs ?? 60_000;
  }

  /** A reading of the system's idle time; a stretch when it shows the user came back. */
  reading(at: Date, idleSeconds: number): Stretch | null {
    const now = at.getTime();
    const last = this.lastReadingAt;
    this.lastReadingAt = now;
    if (last !== null && now - last > SLEEP_GAP_READINGS * this.options.readingIntervalMs && !this.asleep) {
      this.markAway(last);
    }
    if (this.locked || this.asleep) return null;
    const lastInput = now - Math.max(0, idleSeconds) * 1000;
    if (now - lastInput >= this.floorMs) {
      this.markAway(lastInput);
      return null;
    }
    return this.back(lastInput);
  }

  lock(at: Date): void {
    this.locked = true;
    this.markAway(at.getTime());
  }

  unlock(at: Date): Stretch | null {
    this.locked = false;
    return this.asleep ? null : this.back(at.getTime());
  }

  suspend(at: Date): void {
    this.asleep = true;
    this.markAway(at.getTime());
  }

  /** Waking into a locked screen is not being back: that waits for the unlock. */
  resume(at: Date): Stretch | null {
    this.asleep = false;
    this.lastReadingAt = at.getTime();
    return this.locked ? null : this.back(at.getTime());
  }

  isAway(): boolean {
    return this.awaySince !== null;
  }

  private markAway(since: number): void {
    const from = Math.max(since, this.backAt);
    this.awaySince = this.awaySince === null ? from : Math.min(this.awaySince, from);
  }

  private back(at: number): Stretch | null {
    const since = this.awaySince;
    if (since === null) return null;
    this.awaySince = null;
    this.backAt = at;
    if (at - since < this.floorMs) return null;
    return { from: new Date(since), to: new Date(at) };
  }
}
