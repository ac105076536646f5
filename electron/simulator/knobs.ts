// The test-facing controls: latency, scripted failures, offline, page size and rate limit, plus
// the request counter. The same state is driven in-process and over HTTP (./knobRoutes.ts).
import { z } from 'zod';
import { INVALID_TOKEN_BODY, type Reply } from './http';

export const failureSpecSchema = z.union([
  z.object({
    drop: z.literal(true),
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
export type ScriptedOutcome = { kind: 'drop' } | { kind: 'reply'; reply: Reply };

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
    if ('drop' in spec) return { kind: 'drop' };
    const headers = spec.headers ?? {};
    if (spec.body === undefined) return { kind: 'reply', reply: defaultFailureReply(spec.status, headers) };
    return { kind: 'reply', reply: { status: spec.status, body: spec.body, headers } };
  }
}
