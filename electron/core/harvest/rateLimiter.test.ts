import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HARVEST_RATE_LIMIT, OWN_SIDE_RATE_LIMIT, SlidingWindowLimiter } from './rateLimiter';
import { FakeClock } from './testing/fakeClock';

function limiterOn(clock: FakeClock, max = 100, windowMs = 15_000): SlidingWindowLimiter {
  return new SlidingWindowLimiter({ max, windowMs, now: clock.now, sleep: clock.sleep });
}

describe('SlidingWindowLimiter', () => {
  it('lets 100 requests through at once and makes the 101st wait for the window, failing none', async () => {
    const clock = new FakeClock(0);
    const limiter = limiterOn(clock);
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 101 }, () => limiter.acquire().then(() => grantedAt.push(clock.now()))),
    );
    expect(grantedAt).toHaveLength(101);
    expect(grantedAt.slice(0, 100).every((at) => at === 0)).toBe(true);
    expect(grantedAt[100]).toBe(15_000);
    expect(clock.sleeps).toEqual([15_000]);
  });

  it('keeps every sliding window under the limit whatever the arrival pattern', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        async (gaps, max) => {
          const clock = new FakeClock(0);
          const limiter = limiterOn(clock, max, 1_000);
          const grants: number[] = [];
          for (const gap of gaps) {
            // Arrivals are spread out by real gaps, some of them bunched together.
            await clock.sleep(gap);
            await limiter.acquire();
            grants.push(clock.now());
          }
          expect(grants).toHaveLength(gaps.length);
          for (const start of grants) {
            expect(grants.filter((at) => at >= start && at < start + 1_000).length).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('serves waiting requests in the order they asked', async () => {
    const clock = new FakeClock(0, false);
    const limiter = limiterOn(clock, 1, 1_000);
    const order: string[] = [];
    await limiter.acquire();
    const waiting = ['a', 'b', 'c'].map((name) => limiter.acquire().then(() => order.push(name)));
    await clock.advance(1_000);
    await clock.advance(1_000);
    await clock.advance(1_000);
    await Promise.all(waiting);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('lets a queued request be cancelled at once, and its slot goes to the next in line', async () => {
    const clock = new FakeClock(0, false);
    const limiter = limiterOn(clock, 1, 1_000);
    await limiter.acquire();
    const controller = new AbortController();
    const cancelled = limiter.acquire(controller.signal);
    let nextGranted = false;
    const next = limiter.acquire().then(() => {
      nextGranted = true;
    });
    controller.abort();
    await expect(cancelled).rejects.toThrow();
    await clock.advance(999);
    expect(nextGranted).toBe(false);
    await clock.advance(1);
    await next;
    expect(nextGranted).toBe(true);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const limiter = limiterOn(new FakeClock(0));
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toThrow();
  });

  it('holds everything back after Harvest asks for a pause', async () => {
    const clock = new FakeClock(0);
    const limiter = limiterOn(clock);
    limiter.pauseUntil(7_000);
    await limiter.acquire();
    expect(clock.now()).toBe(7_000);
  });

  it('on our side, the window is wide enough that requests slowed unevenly on the way still fit Harvest’s', async () => {
    // Harvest counts a request when it arrives, we when we send it. A first burst slowed 400 ms
    // on the way and a later request that arrives at once would put 101 in Harvest's 15 s.
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowLimiter({ ...OWN_SIDE_RATE_LIMIT, now: clock.now, sleep: clock.sleep });
    const arrivals: number[] = [];
    for (let index = 0; index < 250; index += 1) {
      await limiter.acquire();
      const slowedOnTheWay = index < 100 || (index >= 150 && index < 200) ? 400 : 0;
      arrivals.push(clock.now() + slowedOnTheWay);
    }
    arrivals.sort((a, b) => a - b);
    const busiest = Math.max(
      ...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + HARVEST_RATE_LIMIT.windowMs).length),
    );
    expect(busiest).toBeLessThanOrEqual(HARVEST_RATE_LIMIT.max);
  });
});
