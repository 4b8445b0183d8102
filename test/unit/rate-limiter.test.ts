import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/tidal/rate-limiter.js';
import { FakeClock } from './fake-clock.js';

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

  it('reserves distinct slots for concurrent callers', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(2, 1, clock);
    // All three reserve before any sleeps: waits are 0, 500 and 1000 ms from the same instant.
    const start = clock.now();
    const waits: number[] = [];
    const original = clock.sleep.bind(clock);
    clock.sleep = (ms: number) => {
      waits.push(ms);
      return original(0);
    };
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.now()).toBe(start);
    expect(waits).toEqual([500, 1000]);
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

  it('pauseFor holds the next request until TIDAL has tokens again', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(4, 4, clock);
    limiter.pauseFor(2000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([2000]);
  });
});
