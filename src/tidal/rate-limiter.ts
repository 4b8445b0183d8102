/**
 * Client-side rate limit, so that a burst of tool calls from one model turn does not trip
 * TIDAL's token-bucket limiter (observed: about 4 requests/s sustained is safe).
 *
 * Policy: GCRA (a token bucket expressed as a "theoretical arrival time", TAT) with a FIFO
 * queue of waiters. A slot is taken only when it is granted, never reserved ahead: a waiter
 * that is aborted simply leaves the queue, so 200 callers that hang up cost the next caller
 * nothing (like cancelling a reservation in Go's rate.Limiter). One pump sleeps until the head
 * of the queue is due, so callers are served strictly in arrival order.
 *
 * Burst 8: TIDAL's gateway reports `x-ratelimit-burst-capacity: 10` and clients have seen bursts
 * of 12/s pass, while 4/s sustained stays clean. Both buckets refill at least as fast as ours
 * (4/s), so after any idle period TIDAL holds at least as many tokens as we allow in a burst
 * as long as our burst is at most its capacity. 8 rather than 10 leaves two tokens for
 * requests that cost more than one and for other processes using the same app credentials.
 *
 * TIDAL's own hints (429 Retry-After, `x-ratelimit-*`) pause the whole limiter: every later
 * call waits for the pause, and a call whose budget cannot cover the wait fails at once with
 * RateLimitedError instead of sleeping past its budget or hammering TIDAL.
 */
import { type Clock, systemClock } from './clock.js';
import { MAX_REPORTED_WAIT_MS, RateLimitedError } from './errors.js';
import { abortReason } from './shared-request.js';

const DEFAULT_BURST = 8;

interface Waiter {
  grant(): void;
}

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private theoreticalArrival: number;
  private readonly queue: Waiter[] = [];
  private pumping: AbortController | undefined;
  private pausedUntil = 0;
  /** TIDAL asked for more than we remember (over an hour): say so instead of a number. */
  private pauseBeyondCap = false;

  constructor(
    requestsPerSecond: number,
    burst = DEFAULT_BURST,
    private readonly clock: Clock = systemClock,
  ) {
    this.intervalMs = 1000 / requestsPerSecond;
    this.toleranceMs = (burst - 1) * this.intervalMs;
    this.theoreticalArrival = clock.now();
  }

  /**
   * Wait for a slot, FIFO. Resolves at once while there is burst capacity left and nobody is
   * queued. Rejects with RateLimitedError when the slot is further away than `budgetMs`, and
   * with the signal's reason when aborted (giving the place in the queue back).
   */
  acquire(signal?: AbortSignal, budgetMs = Infinity): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = this.clock.now();
    const waitMs = this.slotAfter(this.queue.length, now) - now;
    if (waitMs > budgetMs) return Promise.reject(this.tooLong(waitMs, now));
    if (waitMs <= 0 && this.queue.length === 0) {
      this.take(now);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.leave(waiter);
        reject(abortReason(signal!));
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** TIDAL says its bucket is empty: hold every later request for at least `ms` (max 1 h). */
  pauseFor(ms: number): void {
    const now = this.clock.now();
    const resumeAt = now + Math.min(ms, MAX_REPORTED_WAIT_MS);
    if (resumeAt >= this.pausedUntil) {
      this.pausedUntil = resumeAt;
      this.pauseBeyondCap = ms > MAX_REPORTED_WAIT_MS;
    }
    // Shift the schedule so that the first free slot is at resumeAt, with no burst after it.
    this.theoreticalArrival = Math.max(this.theoreticalArrival, resumeAt + this.toleranceMs);
    this.pumping?.abort(); // the head of the queue must wait for the new schedule
  }

  /** When the waiter at `position` in the queue (0 = head) will be granted its slot. */
  private slotAfter(position: number, now: number): number {
    return Math.max(this.theoreticalArrival, now) + position * this.intervalMs - this.toleranceMs;
  }

  private take(now: number): void {
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.intervalMs;
  }

  private tooLong(waitMs: number, now: number): RateLimitedError {
    const pauseMs = this.pausedUntil - now;
    if (pauseMs <= 0) return new RateLimitedError(waitMs, 'queue');
    return new RateLimitedError(this.pauseBeyondCap ? Infinity : pauseMs, 'tidal');
  }

  private leave(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index >= 0) this.queue.splice(index, 1);
    if (this.queue.length === 0) this.pumping?.abort();
  }

  /** Grant slots to the head of the queue as they come due; one pump at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now();
        const waitMs = this.slotAfter(0, now) - now;
        if (waitMs <= 0) {
          this.take(now);
          this.queue.shift()?.grant();
          continue;
        }
        this.pumping = new AbortController();
        // Woken early when the queue empties or a pause moves the schedule; then look again.
        await this.clock.sleep(waitMs, this.pumping.signal).catch(() => undefined);
        this.pumping = undefined;
      }
    } finally {
      this.pumping = undefined;
    }
  }
}
