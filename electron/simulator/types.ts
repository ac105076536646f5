// The simulator's public shapes: what starting one takes and what it hands back. A file of its own
// so the server and the knob routes can name them without importing the package's entry point.
export interface SimulatorOptions {
  port?: number; // 0 or absent: any free port
  host?: string; // default 127.0.0.1
  /** default true: a small agency's week relative to the local today; false: reference data, no entries. */
  sampleData?: boolean;
  rateLimit?: { max: number; windowMs: number }; // default 100 per 15 000 ms, per token
  pageSize?: number; // cap on per_page honoured (default 2000), to force several pages
  latencyMs?: number; // default 0
  now?: () => Date; // default system clock
}

export type SimulatorFailure =
  | { status: number; body?: unknown; headers?: Record<string, string>; count?: number; pathPrefix?: string }
  | { drop: true; afterWrite?: boolean; count?: number; pathPrefix?: string };

export interface SimulatorKnobs {
  setLatency(ms: number): void;
  /** The next `count` (default 1) requests (optionally only those whose path starts with `pathPrefix`) fail: */
  failNext(failure: SimulatorFailure): void; // drop = socket destroyed, no reply
  setOffline(offline: boolean): void; // every connection dropped while true
  setRateLimit(max: number, windowMs: number): void;
  setPageSize(size: number): void;
  /** The token is refused from now on (401 invalid_token), as after a revocation; reset() brings it back. */
  revokeToken(token: string): void;
  /** Random faults on every request (5xx, dropped before or after the write, latency spikes); null: none. */
  setChaos(chaos: import('./knobs').ChaosInput | null): void;
  requestCount(): number; // requests answered or dropped since start/reset (not counting /__sim)
  reset(): void; // sample data, knobs and counters back to the start
}

export interface Simulator {
  url: string; // e.g. http://127.0.0.1:5050  -> HARVEST_ID_URL (accounts at /api/v2/accounts)
  apiUrl: string; // `${url}/v2`                 -> HARVEST_API_URL
  knobs: SimulatorKnobs;
  close(): Promise<void>;
}
