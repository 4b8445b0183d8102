/**
 * ResponseCache and SharedRequest: one caller's cancellation never fails the callers that share
 * its request; fresh reads; loads that started before an invalidation never refill the cache.
 */
import { describe, expect, it } from 'vitest';

import { ResponseCache } from '../../src/tidal/cache.js';
import { SharedRequest } from '../../src/tidal/shared-request.js';
import { settle } from './fake-clock.js';

/** A load the test finishes by hand; records the signal it ran on. */
function manualLoad<T>() {
  const calls: { signal: AbortSignal; finish: (value: T) => void; fail: (e: Error) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<{ value: T; size: number }>((resolve, reject) => {
      calls.push({ signal, finish: (value) => resolve({ value, size: 1 }), fail: reject });
      signal.addEventListener('abort', () => reject(signal.reason as Error));
    });
  return { load, calls };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    (v) => v,
    (e: unknown) => (e as Error).name,
  );

describe('SharedRequest', () => {
  it('lets one waiter leave while the others get the result', async () => {
    let signal: AbortSignal | undefined;
    let finish: (v: string) => void = () => undefined;
    const shared = new SharedRequest<string>(
      (s) =>
        new Promise((resolve) => {
          signal = s;
          finish = resolve;
        }),
    );
    const first = new AbortController();
    const a = outcome(shared.join(first.signal));
    const b = outcome(shared.join(new AbortController().signal));
    const c = outcome(shared.join());
    first.abort();
    expect(await a).toBe('AbortError');
    expect(signal?.aborted).toBe(false);
    finish('value');
    expect([await b, await c]).toEqual(['value', 'value']);
  });

  it('aborts the operation only when every waiter has left', async () => {
    let signal: AbortSignal | undefined;
    const shared = new SharedRequest<string>((s) => {
      signal = s;
      return new Promise(() => undefined);
    });
    const one = new AbortController();
    const two = new AbortController();
    const joined = [outcome(shared.join(one.signal)), outcome(shared.join(two.signal))];
    one.abort();
    expect(signal?.aborted).toBe(false);
    two.abort();
    expect(signal?.aborted).toBe(true);
    expect(shared.abandoned).toBe(true);
    expect(await Promise.all(joined)).toEqual(['AbortError', 'AbortError']);
  });

  it('with keepRunning, finishes even when everyone left', async () => {
    let signal: AbortSignal | undefined;
    const shared = new SharedRequest<string>(
      (s) => {
        signal = s;
        return new Promise(() => undefined);
      },
      { keepRunning: true },
    );
    const one = new AbortController();
    const joined = outcome(shared.join(one.signal));
    one.abort();
    expect(await joined).toBe('AbortError');
    expect(signal?.aborted).toBe(false);
  });
});

describe('ResponseCache', () => {
  it('shares an in-flight load; the first caller hanging up does not fail the second', async () => {
    const cache = new ResponseCache();
    const { load, calls } = manualLoad<string>();
    const first = new AbortController();
    const a = outcome(cache.getOrLoad('k', 1000, load, { signal: first.signal }));
    const b = cache.getOrLoad('k', 1000, load, { signal: new AbortController().signal });
    first.abort();
    expect(await a).toBe('AbortError');
    calls[0]!.finish('v');
    await expect(b).resolves.toEqual({ value: 'v', cached: true });
    expect(calls).toHaveLength(1);
    await expect(cache.getOrLoad('k', 1000, load)).resolves.toEqual({ value: 'v', cached: true });
  });

  it('cancels the load when every caller hung up, and the next caller starts afresh', async () => {
    const cache = new ResponseCache();
    const { load, calls } = manualLoad<string>();
    const one = new AbortController();
    const two = new AbortController();
    const joined = [
      outcome(cache.getOrLoad('k', 1000, load, { signal: one.signal })),
      outcome(cache.getOrLoad('k', 1000, load, { signal: two.signal })),
    ];
    one.abort();
    two.abort();
    expect(await Promise.all(joined)).toEqual(['AbortError', 'AbortError']);
    expect(calls[0]!.signal.aborted).toBe(true);
    const again = cache.getOrLoad('k', 1000, load);
    calls[1]!.finish('v2');
    await expect(again).resolves.toEqual({ value: 'v2', cached: false });
  });

  it('a fresh read skips the entry and the load in flight, then refreshes the entry', async () => {
    const cache = new ResponseCache();
    const { load, calls } = manualLoad<string>();
    const old = cache.getOrLoad('k', 60_000, load);
    const fresh = cache.getOrLoad('k', 60_000, load, { fresh: true });
    // A normal read that starts now joins the fresh load, not the older one.
    const joiner = cache.getOrLoad('k', 60_000, load);
    expect(calls).toHaveLength(2);
    calls[1]!.finish('new');
    calls[0]!.finish('old');
    await expect(fresh).resolves.toEqual({ value: 'new', cached: false });
    await expect(joiner).resolves.toEqual({ value: 'new', cached: true });
    await expect(old).resolves.toEqual({ value: 'old', cached: false });
    // The older load finished last, yet the entry holds the fresh answer.
    await expect(cache.getOrLoad('k', 60_000, load)).resolves.toEqual({
      value: 'new',
      cached: true,
    });
    const refreshed = cache.getOrLoad('k', 60_000, load, { fresh: true });
    calls[2]!.finish('newer');
    await refreshed;
    await expect(cache.getOrLoad('k', 60_000, load)).resolves.toEqual({
      value: 'newer',
      cached: true,
    });
  });

  it('a load in flight during an invalidation does not put its answer back', async () => {
    const cache = new ResponseCache();
    const { load, calls } = manualLoad<string>();
    const before = cache.getOrLoad('user:1 /playlists/p', 60_000, load);
    cache.invalidate((key) => key.includes('/playlists'));
    const after = cache.getOrLoad('user:1 /playlists/p', 60_000, load);
    expect(calls).toHaveLength(2);
    calls[1]!.finish('after the write');
    await after;
    calls[0]!.finish('before the write');
    await Promise.all([before, after]);
    await settle();
    await expect(cache.getOrLoad('user:1 /playlists/p', 60_000, load)).resolves.toEqual({
      value: 'after the write',
      cached: true,
    });
  });

  it('never caches a failed load', async () => {
    const cache = new ResponseCache();
    const { load, calls } = manualLoad<string>();
    const failed = outcome(cache.getOrLoad('k', 1000, load));
    calls[0]!.fail(new TypeError('boom'));
    expect(await failed).toBe('TypeError');
    const next = cache.getOrLoad('k', 1000, load);
    calls[1]!.finish('ok');
    await expect(next).resolves.toEqual({ value: 'ok', cached: false });
  });
});
