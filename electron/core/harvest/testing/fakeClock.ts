// A clock for tests: time moves only when a test (or a sleeper, in auto mode) moves it.
export class FakeClock {
  private current: number;
  private readonly timers: { at: number; resolve: () => void }[] = [];
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  /** auto: each sleep jumps the clock forward at once, so code under test never really waits. */
  constructor(start = 1_000_000, private readonly auto = true) {
    this.current = start;
  }

  now = (): number => this.current;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    signal?.throwIfAborted();
    if (this.auto) {
      this.current += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const timer = { at: this.current + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers.splice(this.timers.indexOf(timer), 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  };

  /** Manual mode: moves time on and wakes every sleeper that is due. */
  async advance(ms: number): Promise<void> {
    this.current += ms;
    for (const timer of this.timers.filter((t) => t.at <= this.current)) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      timer.resolve();
    }
    // Let woken code run up to its next await.
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  }
}
