// The test-facing controls: latency, scripted failures, offline, page size and rate limit, plus
// the request counter. The same state is driven in-process and over HTTP (./knobRoutes.ts).
import * as z from 'zod';
import { INVALID_TOKEN_BODY, type Reply } from './http';
import { seeded } from './seeded';

export const failureSpecSchema = z.union([
  z.object({
    drop: z.literal(true),
    /** The request is carried out first and its answer lost: the client cannot know it happened. */
    afterWrite: z.boolean().optional(),
    count: z.number().int().positive().optional(),
    pathPrefix: z.string().optional(),
  }),
  z.object({
    status: z.number().int().min(100).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    count: z.number().int().positive().optional(),
    pathPrefix: z.string().optional(),
  }),
]);
export type FailureSpec = z.infer<typeof failureSpecSchema>;

/** What the server does with a request a scripted failure caught. */
export type ScriptedOutcome = { kind: 'drop'; afterWrite: boolean } | { kind: 'reply'; reply: Reply };

/**
 * Faults at random, for tests of what survives a bad connection: each request, by its own draw,
 * may answer 5xx, have its connection dropped before or after Harvest carried it out, or be slow.
 * Rates are 0..1; `seed` makes a run repeatable.
 */
export const chaosSchema = z.object({
  serverErrorRate: z.number().min(0).max(1).default(0),
  dropRate: z.number().min(0).max(1).default(0),
  dropAfterWriteRate: z.number().min(0).max(1).default(0),
  spikeRate: z.number().min(0).max(1).default(0),
  spikeMs: z.number().int().min(0).max(60_000).default(0),
  seed: z.number().int().default(1),
});
export type Chaos = z.infer<typeof chaosSchema>;
export type ChaosInput = z.input<typeof chaosSchema>;

/** What the chaos draw decided for one request. */
export type ChaosDraw = { kind: 'none' | 'server-error' | 'drop' | 'drop-after-write'; delayMs: number };

interface PendingFailure {
  spec: FailureSpec;
  remaining: number;
}

export interface KnobDefaults {
  latencyMs: number;
  pageSize: number;
  rateLimit: { max: number; windowMs: number };
}

/** Harvest-like bodies for failures scripted without one, so clients parse what they would see. */
function defaultFailureReply(status: number, headers: Record<string, string>): Reply {
  if (status === 401) return { status, body: INVALID_TOKEN_BODY, headers };
  if (status === 429) {
    const retryAfter = Number(headers['Retry-After'] ?? headers['retry-after'] ?? '1');
    return {
      status,
      body: { message: 'API rate limit exceeded.', retry_after: retryAfter },
      headers: { 'Retry-After': String(retryAfter), ...headers },
    };
  }
  if (status === 422) return { status, body: { message: 'Validation failed' }, headers };
  if (status === 404) return { status, body: { message: 'Not found' }, headers };
  return { status, body: { message: status >= 500 ? 'Internal Server Error' : `Error ${status}` }, headers };
}

export class KnobState {
  latencyMs: number;
  offline = false;
  pageSize: number;
  rateLimit: { max: number; windowMs: number };
  private failures: PendingFailure[] = [];
  private requests = 0;
  private chaos: Chaos | null = null;
  private draw: () => number = Math.random;

  setChaos(chaos: ChaosInput | null): void {
    this.chaos = chaos === null ? null : chaosSchema.parse(chaos);
    this.draw = seeded(this.chaos?.seed ?? 1);
  }

  /** Decides one request's fate under the chaos set (none without it). */
  drawChaos(): ChaosDraw {
    const chaos = this.chaos;
    if (chaos === null) return { kind: 'none', delayMs: 0 };
    const delayMs = this.draw() < chaos.spikeRate ? chaos.spikeMs : 0;
    const roll = this.draw();
    let edge = chaos.serverErrorRate;
    if (roll < edge) return { kind: 'server-error', delayMs };
    edge += chaos.dropRate;
    if (roll < edge) return { kind: 'drop', delayMs };
    edge += chaos.dropAfterWriteRate;
    if (roll < edge) return { kind: 'drop-after-write', delayMs };
    return { kind: 'none', delayMs };
  }

  constructor(private readonly defaults: KnobDefaults) {
    this.latencyMs = defaults.latencyMs;
    this.pageSize = defaults.pageSize;
    this.rateLimit = { ...defaults.rateLimit };
  }

  reset(): void {
    this.latencyMs = this.defaults.latencyMs;
    this.pageSize = this.defaults.pageSize;
    this.rateLimit = { ...this.defaults.rateLimit };
    this.offline = false;
    this.failures = [];
    this.requests = 0;
    this.chaos = null;
  }

  failNext(spec: FailureSpec): void {
    this.failures.push({ spec, remaining: spec.count ?? 1 });
  }

  countRequest(): void {
    this.requests += 1;
  }

  requestCount(): number {
    return this.requests;
  }

  /** The first scripted failure that applies to this path, used up by one. */
  takeFailure(pathname: string): ScriptedOutcome | null {
    const index = this.failures.findIndex((f) => f.spec.pathPrefix === undefined || pathname.startsWith(f.spec.pathPrefix));
    const pending = this.failures[index];
    if (!pending) return null;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.failures.splice(index, 1);
    const spec = pending.spec;
    if ('drop' in spec) return { kind: 'drop', afterWrite: spec.afterWrite === true };
    const headers = spec.headers ?? {};
    if (spec.body === undefined) return { kind: 'reply', reply: defaultFailureReply(spec.status, headers) };
    return { kind: 'reply', reply: { status: spec.status, body: spec.body, headers } };
  }
}
