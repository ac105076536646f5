// One request to Harvest, start to finish: waits for the rate limiter, sends with the required
// headers and a timeout, retries what is safe to retry, and returns the reply parsed by its
// schema or throws a HarvestFailure. Nothing here logs, and no message carries the token.
import type * as z from 'zod';
import {
  HarvestFailure,
  cancelledFailure,
  failureForStatus,
  offlineFailure,
  timeoutFailure,
  unreadableReplyFailure,
} from './errors';
import type { RateLimiter, Sleep } from './rateLimiter';
import { backoffDelayMs, retryAfterMs, type RetryPolicy } from './retry';

export const USER_AGENT = 'Harvest Tray (https://github.com/harvest-tray/harvest-tray)';

/**
 * 'repeatable': sending it twice does no harm (GET, DELETE, PATCH update, stop), so 5xx and
 * dropped connections are retried. 'once': a second copy could log time twice (POST create,
 * restart), so it is re-sent only when Harvest cannot have seen it (connection refused, 429).
 */
export type RequestSafety = 'repeatable' | 'once';

export interface HarvestRequest<Reply> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: URL;
  body?: Record<string, unknown>;
  /** null: the reply body is not needed (e.g. DELETE). */
  schema: z.ZodType<Reply> | null;
  /** What is asked for, in words for error messages: "the list of projects", "time entry 42". */
  what: string;
  safety: RequestSafety;
  /** false only for the identity host's accounts list, which takes no account header. */
  withAccountHeader: boolean;
  signal?: AbortSignal;
}

export interface HttpSettings {
  token: string;
  accountId: number | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  limiter: RateLimiter;
  retry: RetryPolicy;
  now: () => number;
  sleep: Sleep;
  random: () => number;
}

type Attempt =
  | { type: 'reply'; status: number; retryAfter: string | null; text: string }
  | { type: 'network'; mayHaveBeenSent: boolean }
  | { type: 'timeout' }
  | { type: 'cancelled' };

export type SendRequest = <Reply>(request: HarvestRequest<Reply>) => Promise<Reply>;

export function createHttp(settings: HttpSettings): SendRequest {
  return async function send<Reply>(request: HarvestRequest<Reply>): Promise<Reply> {
    const init = buildInit(request, settings);
    const once = request.safety === 'once';
    let failedAttempts = 0;
    let rateLimitedAttempts = 0;

    for (;;) {
      try {
        await settings.limiter.acquire(request.signal);
      } catch {
        throw cancelledFailure(false);
      }
      const attempt = await sendOnce(request, init, settings);

      if (attempt.type === 'reply') {
        const body = parseJson(attempt.text);
        if (attempt.status >= 200 && attempt.status < 300) {
          return readReply(request, body, attempt.text, settings.token);
        }
        if (attempt.status === 429) {
          // Harvest did not process a throttled request, so even a 'once' request may go again.
          const waitMs = retryAfterMs(attempt.retryAfter, body, settings.now(), settings.retry);
          // A pause longer than we would wait out is not imposed on every other request: the
          // app would freeze silently. Those requests hear 'rate-limited' from Harvest instead.
          if (waitMs <= settings.retry.maxRetryAfterMs) {
            settings.limiter.pauseUntil(settings.now() + waitMs);
            if (rateLimitedAttempts < settings.retry.maxRateLimitRetries) {
              rateLimitedAttempts += 1;
              continue;
            }
          }
          throw failureForStatus({ ...statusContext(request, attempt.status, body, settings), retryAfterSeconds: waitMs / 1000 });
        }
        if (attempt.status >= 500 && !once && failedAttempts < settings.retry.maxRetries) {
          await backOff(failedAttempts++, request, settings);
          continue;
        }
        // A 5xx to a 'once' request: Harvest may have saved it before failing.
        throw failureForStatus({ ...statusContext(request, attempt.status, body, settings), outcomeUnknown: once && attempt.status >= 500 });
      }

      if (attempt.type === 'network') {
        const safeToRepeat = !once || !attempt.mayHaveBeenSent;
        if (safeToRepeat && failedAttempts < settings.retry.maxRetries) {
          await backOff(failedAttempts++, request, settings);
          continue;
        }
        throw offlineFailure(once && attempt.mayHaveBeenSent);
      }

      if (attempt.type === 'timeout') throw timeoutFailure(settings.timeoutMs / 1000, once);
      throw cancelledFailure(once);
    }
  };
}

function buildInit(request: HarvestRequest<unknown>, settings: HttpSettings): RequestInit {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${settings.token}`,
    'User-Agent': USER_AGENT,
    Accept: 'application/json',
  };
  if (request.withAccountHeader) {
    if (settings.accountId === undefined) {
      throw new HarvestFailure({ kind: 'unexpected', message: 'No Harvest account has been chosen yet.' });
    }
    headers['Harvest-Account-Id'] = String(settings.accountId);
  }
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  return init;
}

async function sendOnce(request: HarvestRequest<unknown>, init: RequestInit, settings: HttpSettings): Promise<Attempt> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await settings.fetch(request.url, { ...init, signal });
    // The body is read under the same signal, so a reply that stalls midway also times out.
    const text = await response.text();
    return { type: 'reply', status: response.status, retryAfter: response.headers.get('retry-after'), text };
  } catch (error) {
    if (request.signal?.aborted) return { type: 'cancelled' };
    if (timeout.aborted) return { type: 'timeout' };
    return { type: 'network', mayHaveBeenSent: !failedBeforeSending(error) };
  }
}

// Failures that happen before a connection exists: Harvest cannot have seen the request.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Node's fetch wraps the socket error as `cause` (several, as an AggregateError, when it tried IPv4 and IPv6). */
function failedBeforeSending(error: unknown): boolean {
  const codes = errorCodes(error, 0);
  return codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
}

function errorCodes(error: unknown, depth: number): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const nested = [
    ...errorCodes(record.cause, depth + 1),
    ...(Array.isArray(record.errors) ? record.errors.flatMap((inner: unknown) => errorCodes(inner, depth + 1)) : []),
  ];
  if (nested.length > 0) return nested;
  return typeof record.code === 'string' ? [record.code] : [];
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readReply<Reply>(request: HarvestRequest<Reply>, body: unknown, text: string, token: string): Reply {
  if (request.schema === null) return undefined as Reply;
  if (body === undefined) {
    throw unreadableReplyFailure(request.what, text.trim() === '' ? ['empty reply'] : ['not JSON'], token);
  }
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(whole reply)');
    throw unreadableReplyFailure(request.what, [...new Set(paths)], token);
  }
  // The schema checks the fields the app reads; the reply itself is kept whole, as Harvest sent
  // it, because the command line's --json and the MCP tools print Harvest's own JSON and one path
  // serves them and the popover (which maps the same object into its own shapes). The wire
  // schemas only check (no transforms, no defaults: see wire.test.ts), so the checked body is
  // of the schema's type, with Harvest's other fields besides.
  return body as Reply;
}

function statusContext(request: HarvestRequest<unknown>, status: number, body: unknown, settings: HttpSettings) {
  return { status, body, what: request.what, token: settings.token };
}

async function backOff(retry: number, request: HarvestRequest<unknown>, settings: HttpSettings): Promise<void> {
  try {
    await settings.sleep(backoffDelayMs(retry, settings.retry, settings.random), request.signal);
  } catch {
    throw cancelledFailure(false);
  }
}
