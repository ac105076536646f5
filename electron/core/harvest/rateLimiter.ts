// Keeps one token under Harvest's limit (100 requests per 15 s) on our side, so the app rarely
// sees a 429 at all. Requests over the limit queue in order; they never fail for being queued.
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined);

export interface RateLimiter {
  /** Resolves when a request may be sent; rejects only if `signal` aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Harvest said 429: hold every request back until `untilMs`. */
  pauseUntil(untilMs: number): void;
}

export interface SlidingWindowOptions {
  max: number;
  windowMs: number;
  now: () => number;
  sleep: Sleep;
}

export const HARVEST_RATE_LIMIT = { max: 100, windowMs: 15_000 } as const;

/**
 * Harvest's limit as we keep it on our side. Harvest counts a request when it arrives and we when
 * we send it: a burst slowed on the way and a later request that is not would otherwise fall in
 * one of Harvest's windows together (a 429). Half a second of margin covers uneven latency at the
 * cost of about 3% of the rate.
 */
export const OWN_SIDE_RATE_LIMIT = { max: HARVEST_RATE_LIMIT.max, windowMs: HARVEST_RATE_LIMIT.windowMs + 500 } as const;

/** A sliding-window limiter: at most `max` grants in any `windowMs`, granted first come first served. */
export class SlidingWindowLimiter implements RateLimiter {
  private readonly grants: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(private readonly options: SlidingWindowOptions) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const turn = this.queue.then(() => this.waitForSlot(signal));
    // The next in line waits for this one's turn to end, however it ends.
    this.queue = turn.catch(() => undefined);
    return signal ? raceAbort(turn, signal) : turn;
  }

  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private async waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    const { max, windowMs, now, sleep } = this.options;
    for (;;) {
      // A caller that gave up while queued leaves without taking a slot.
      signal?.throwIfAborted();
      const current = now();
      while (this.grants.length > 0 && (this.grants[0] ?? 0) <= current - windowMs) this.grants.shift();
      const waitForPause = this.pausedUntil - current;
      const oldest = this.grants[0];
      const waitForWindow = this.grants.length >= max && oldest !== undefined ? oldest + windowMs - current : 0;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        this.grants.push(current);
        return;
      }
      await sleep(wait, signal);
    }
  }
}

function raceAbort(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

// One limiter per token, shared by every client built with it (e.g. one per account), because
// Harvest counts requests per token. Keyed by a hash so the map never holds the token itself.
const sharedLimiters = new Map<string, RateLimiter>();

export function sharedLimiterForToken(token: string): RateLimiter {
  const key = createHash('sha256').update(token).digest('hex');
  let limiter = sharedLimiters.get(key);
  if (!limiter) {
    limiter = new SlidingWindowLimiter({ ...OWN_SIDE_RATE_LIMIT, now: Date.now, sleep: realSleep });
    sharedLimiters.set(key, limiter);
  }
  return limiter;
}
