// Harvest's general limit: 100 requests per 15 seconds per token, answered with 429 and a
// Retry-After in whole seconds. A sliding window, so a burst right at a window edge is still caught.
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private max: number,
    private windowMs: number,
    private readonly now: () => number,
  ) {}

  configure(max: number, windowMs: number): void {
    this.max = max;
    this.windowMs = windowMs;
    this.hits.clear();
  }

  reset(): void {
    this.hits.clear();
  }

  /** 0 when the request may go ahead (and counts it); otherwise the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }
}
