// When and how long to wait before asking Harvest again.

export interface RetryPolicy {
  /** Extra attempts after a 5xx or a network failure (only for requests safe to repeat). */
  maxRetries: number;
  /** Extra attempts after a 429. */
  maxRateLimitRetries: number;
  /** First backoff step in ms; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out silently: the caller hears 'rate-limited'. */
  maxRetryAfterMs: number;
  /** Used when a 429 carries neither a Retry-After header nor a retry_after field. */
  defaultRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxRateLimitRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  // Harvest's general window is 15 s, so after that everything that caused the 429 has aged out.
  defaultRetryAfterMs: 15_000,
};

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so clients that
 * failed together do not come back together, yet each still waits a meaningful time.
 * `attempt` counts retries from 0; `random` returns [0, 1).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long a 429 asks us to wait, in ms. The header is preferred (Harvest documents it, in
 * seconds; HTTP also allows a date); the body's retry_after is a fallback others have seen.
 */
export function retryAfterMs(
  header: string | null,
  body: unknown,
  nowMs: number,
  policy: Pick<RetryPolicy, 'defaultRetryAfterMs'>,
): number {
  const fromHeader = parseRetryAfterHeader(header, nowMs);
  if (fromHeader !== undefined) return fromHeader;
  if (typeof body === 'object' && body !== null) {
    const value: unknown = (body as Record<string, unknown>)['retry_after'];
    const seconds = typeof value === 'string' ? Number(value) : value;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  }
  return policy.defaultRetryAfterMs;
}

function parseRetryAfterHeader(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (!Number.isNaN(date) && /[a-z]/i.test(text)) return Math.max(0, date - nowMs);
  return undefined;
}
