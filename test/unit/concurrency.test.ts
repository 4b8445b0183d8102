import { describe, expect, it } from 'vitest';

import { DEFAULT_CONCURRENCY, mapSettled } from '../../src/tidal/concurrency.js';

/** A task per item that the test finishes by hand, recording what ran and on which signal. */
function gated() {
  const started: number[] = [];
  const signals: AbortSignal[] = [];
  const gates = new Map<number, { ok: (v: string) => void; fail: (e: Error) => void }>();
  const fn = (item: number, index: number, signal: AbortSignal) =>
    new Promise<string>((ok, fail) => {
      started.push(index);
      signals.push(signal);
      gates.set(item, { ok, fail });
    });
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { fn, started, signals, gates, tick };
}

describe('mapSettled', () => {
  it('runs at most `concurrency` at once and returns results in input order', async () => {
    const g = gated();
    const done = mapSettled([0, 1, 2, 3, 4], g.fn, { concurrency: 2 });
    await g.tick();
    expect(g.started).toEqual([0, 1]);
    g.gates.get(1)!.ok('one');
    await g.tick();
    expect(g.started).toEqual([0, 1, 2]);
    g.gates.get(2)!.ok('two');
    g.gates.get(0)!.ok('zero');
    await g.tick();
    g.gates.get(4)!.ok('four');
    g.gates.get(3)!.ok('three');
    expect(await done).toEqual(
      ['zero', 'one', 'two', 'three', 'four'].map((value) => ({ ok: true, value })),
    );
  });

  it('reports each failure without losing the other results', async () => {
    const results = await mapSettled([1, 2, 3], (n) =>
      n === 2 ? Promise.reject(new Error(`item ${n} failed`)) : Promise.resolve(n * 10),
    );
    expect(results).toEqual([
      { ok: true, value: 10 },
      { ok: false, error: new Error('item 2 failed') },
      { ok: true, value: 30 },
    ]);
  });

  it('defaults to a handful at a time', async () => {
    const g = gated();
    const controller = new AbortController();
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    const done = mapSettled(items, g.fn, { signal: controller.signal }).catch(() => 'stopped');
    await g.tick();
    expect(g.started).toHaveLength(DEFAULT_CONCURRENCY);
    expect(DEFAULT_CONCURRENCY).toBe(4);
    controller.abort();
    expect(await done).toBe('stopped');
  });

  it('on abort: rejects at once, aborts running items and starts no more', async () => {
    const g = gated();
    const controller = new AbortController();
    const done = mapSettled([0, 1, 2, 3], g.fn, { concurrency: 2, signal: controller.signal });
    await g.tick();
    g.gates.get(0)!.ok('zero');
    await g.tick();
    expect(g.started).toEqual([0, 1, 2]);
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(g.signals.every((s) => s.aborted)).toBe(true);
    g.gates.get(1)!.ok('late');
    await g.tick();
    expect(g.started).toEqual([0, 1, 2]);
  });

  it('rejects without starting anything when the signal has already aborted', async () => {
    const g = gated();
    await expect(mapSettled([1], g.fn, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(g.started).toEqual([]);
  });

  it('handles an empty list', async () => {
    await expect(mapSettled([], () => Promise.resolve(1))).resolves.toEqual([]);
  });
});
