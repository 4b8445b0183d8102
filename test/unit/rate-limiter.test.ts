import { describe, expect, it } from 'vitest';

import { RateLimitedError } from '../../src/tidal/errors.js';
import { RateLimiter } from '../../src/tidal/rate-limiter.js';
import { FakeClock, ManualClock, settle } from './fake-clock.js';

/** Start acquire() calls and record, per caller, when it was granted (or how it failed). */
function track(clock: ManualClock, limiter: RateLimiter, signals: (AbortSignal | undefined)[]) {
  const start = clock.now();
  const outcome: (number | string | undefined)[] = signals.map(() => undefined);
  const order: number[] = [];
  const done = signals.map((signal, i) =>
    limiter.acquire(signal).then(
      () => {
        outcome[i] = clock.now() - start;
        order.push(i);
      },
      (error: unknown) => {
        outcome[i] = (error as Error).name;
      },
    ),
  );
  return { outcome, order, done };
}

describe('RateLimiter', () => {
  it('lets a burst through, then spaces requests at the configured rate', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 4, clock);
    for (let i = 0; i < 4; i++) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([250, 250]);
  });

  it('serves concurrent callers first come, first served, one slot each', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(2, 1, clock);
    const t = track(clock, limiter, [undefined, undefined, undefined]);
    await clock.advance(2000);
    expect(t.outcome).toEqual([0, 500, 1000]);
    expect(t.order).toEqual([0, 1, 2]);
  });

  it('refills after idle time up to the burst size only', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 2, clock);
    await limiter.acquire();
    await limiter.acquire();
    clock.advance(10_000);
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([250]);
  });

  it('defaults to a burst of 8', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, undefined, clock);
    for (let i = 0; i < 8; i++) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([250]);
  });

  it('pauseFor holds the next request until TIDAL has tokens again', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 4, clock);
    limiter.pauseFor(2000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('a pause that arrives while callers wait moves them back', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(1, 1, clock);
    const t = track(clock, limiter, [undefined, undefined]);
    await clock.advance(100);
    limiter.pauseFor(5000);
    await clock.advance(10_000);
    expect(t.outcome).toEqual([0, 5100]);
  });
});

describe('RateLimiter cancellation', () => {
  it('gives back the slots of 200 waiters that hang up after 100 ms', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(4, 1, clock);
    const hangUp = new AbortController();
    const abandoned = track(
      clock,
      limiter,
      Array.from({ length: 200 }, () => hangUp.signal),
    );
    await clock.advance(100);
    hangUp.abort();
    await Promise.all(abandoned.done);
    expect(abandoned.outcome.filter((o) => o === 'AbortError')).toHaveLength(199);
    // The honest caller waits only for the slot after the one granted at time 0.
    const honest = track(clock, limiter, [undefined]);
    await clock.advance(1000);
    expect(honest.outcome).toEqual([150]);
  });

  it('keeps the order and closes the gap when a waiter in the middle leaves', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(1, 1, clock);
    const leaving = new AbortController();
    const t = track(clock, limiter, [undefined, undefined, leaving.signal, undefined]);
    await clock.advance(500);
    leaving.abort();
    await clock.advance(5000);
    expect(t.outcome).toEqual([0, 1000, 'AbortError', 2000]);
    expect(t.order).toEqual([0, 1, 3]);
  });

  it('rejects a caller whose signal has already aborted without taking a slot', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(1, 1, clock);
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });
});

describe('RateLimiter budget', () => {
  it('refuses at once when the queue ahead is longer than the budget', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(1, 1, clock);
    const t = track(clock, limiter, [undefined, undefined, undefined]);
    const error = await limiter.acquire(undefined, 2500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toBe(
      'tidal-mcp has too many TIDAL requests queued; the next free slot is in 3 s',
    );
    await clock.advance(3000);
    expect(t.outcome).toEqual([0, 1000, 2000]);
  });

  it("remembers TIDAL's pause: every call that cannot wait it out fails fast", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 4, clock);
    limiter.pauseFor(120_000);
    for (const budget of [30_000, 30_000]) {
      const error = await limiter.acquire(undefined, budget).catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        "TIDAL's rate limit was reached; TIDAL asks to wait 2 min",
      );
      expect((error as RateLimitedError).retryAfterSeconds).toBe(120);
    }
    clock.advance(100_000);
    const later = await limiter.acquire(undefined, 10_000).catch((e: unknown) => e);
    expect((later as Error).message).toBe(
      "TIDAL's rate limit was reached; TIDAL asks to wait 20 s",
    );
    clock.advance(20_000);
    await limiter.acquire(undefined, 10_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('caps an absurd pause at an hour and says "more than an hour"', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 4, clock);
    limiter.pauseFor(99_999_999_000);
    const error = await limiter.acquire(undefined, 30_000).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "TIDAL's rate limit was reached; TIDAL asks to wait more than an hour",
    );
    expect((error as RateLimitedError).retryAfterSeconds).toBe(3600);
    clock.advance(3_600_000);
    await limiter.acquire(undefined, 30_000);
    await settle();
  });
});
