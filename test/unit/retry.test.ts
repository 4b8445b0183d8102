import { describe, expect, it } from 'vitest';

import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  rateLimitHintMs,
  rateLimitWait,
} from '../../src/tidal/retry.js';

const now = Date.parse('2026-11-24T12:00:00Z');

describe('retry policy', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('derives a wait from x-ratelimit token-bucket hints', () => {
    expect(
      rateLimitHintMs({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-requested-tokens': '5',
        'x-ratelimit-replenish-rate': '1',
      }),
    ).toBe(5000);
    expect(
      rateLimitHintMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-replenish-rate': '4' }),
    ).toBe(250);
    expect(rateLimitHintMs({})).toBeUndefined();
  });

  it('prefers Retry-After, then hints, then jittered backoff, and says who set the wait', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
    expect(
      rateLimitWait({ 'retry-after': '2', 'x-ratelimit-replenish-rate': '1' }, 0, policy, now),
    ).toEqual({ ms: 2000, source: 'tidal' });
    expect(
      rateLimitWait(
        { 'x-ratelimit-replenish-rate': '2', 'x-ratelimit-remaining': '0' },
        0,
        policy,
        now,
      ),
    ).toEqual({ ms: 500, source: 'tidal' });
    expect(rateLimitWait({}, 2, policy, now)).toEqual({ ms: 500 * 4 * 0.9, source: 'backoff' });
  });

  it('reads absurd Retry-After values as very long waits, not as errors', () => {
    expect(parseRetryAfter('99999999', now)).toBe(99_999_999_000);
    expect(parseRetryAfter('Wed, 01 Jan 3000 00:00:00 GMT', now)).toBe(
      Date.parse('3000-01-01T00:00:00Z') - now,
    );
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(Infinity);
  });

  it('caps backoff at the maximum delay', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.999 };
    expect(backoffMs(10, policy)).toBe(16_000);
    expect(backoffMs(0, { ...policy, random: () => 0 })).toBe(400);
  });
});
