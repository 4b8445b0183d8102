/**
 * Independent TIDAL requests inside one call, side by side (the next pages of an album, one
 * batch of ISRCs after another), so one call costs about one round trip instead of one per
 * request.
 *
 * Contract of `mapSettled(items, fn, { concurrency, signal })`:
 * - Calls `fn(item, index, signal)` for every item, starting them in input order with at most
 *   `concurrency` running at once (default DEFAULT_CONCURRENCY = 4).
 * - Resolves to one Settled per item, in input order: `{ ok: true, value }` or
 *   `{ ok: false, error }`. A failure never cancels or hides the other items; the caller
 *   decides what a partial result means.
 * - When `signal` aborts: no further item starts, the signal handed to running items aborts
 *   (pass it on to TidalHttp so their requests stop), and the returned promise rejects at once
 *   with the signal's reason. Results gathered so far are dropped: the caller has hung up.
 * - Pacing is not its business: every request still waits for the shared rate limiter, so
 *   concurrency overlaps latency and never raises the request rate above the limiter's.
 *   Four is half the limiter's burst: a call can fan out without using up the slots that
 *   other calls running at the same time need.
 */
import { abortReason } from './shared-request.js';

export const DEFAULT_CONCURRENCY = 4;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface MapSettledOptions {
  concurrency?: number;
  signal?: AbortSignal;
}

export async function mapSettled<I, O>(
  items: readonly I[],
  fn: (item: I, index: number, signal: AbortSignal) => Promise<O>,
  options: MapSettledOptions = {},
): Promise<Settled<O>[]> {
  const { signal } = options;
  if (signal?.aborted) throw abortReason(signal);
  const limit = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const controller = new AbortController();
  const results = new Array<Settled<O>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !controller.signal.aborted) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await fn(items[index] as I, index, controller.signal) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      controller.abort(signal?.reason);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
    await Promise.race([Promise.all(workers), aborted]);
    return results;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
