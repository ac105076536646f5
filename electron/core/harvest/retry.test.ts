import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultRetryPolicy, retryAfterMs } from './retry';

const policy = { ...defaultRetryPolicy, baseDelayMs: 500, maxDelayMs: 8_000 };

describe('backoffDelayMs', () => {
  it('doubles each attempt, with half of each step left to chance', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(250);
    expect(backoffDelayMs(0, policy, () => 0.999999)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(1_500);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(10, policy, () => 0.999999)).toBe(8_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-21T10:00:00Z');

  it('reads seconds from the header', () => {
    expect(retryAfterMs('7', undefined, now, policy)).toBe(7_000);
  });

  it('reads an HTTP date from the header', () => {
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:12 GMT', undefined, now, policy)).toBe(12_000);
  });

  it('prefers the header to the body', () => {
    expect(retryAfterMs('3', { retry_after: 9 }, now, policy)).toBe(3_000);
  });

  it('falls back to the body when the header is missing or unreadable', () => {
    expect(retryAfterMs(null, { retry_after: 9 }, now, policy)).toBe(9_000);
    expect(retryAfterMs('soon', { retry_after: '4' }, now, policy)).toBe(4_000);
  });

  it('falls back to the default when neither says', () => {
    expect(retryAfterMs(null, { message: 'slow down' }, now, policy)).toBe(policy.defaultRetryAfterMs);
    expect(retryAfterMs(null, undefined, now, policy)).toBe(policy.defaultRetryAfterMs);
  });
});
