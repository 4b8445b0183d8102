/**
 * Client-side rate limit, so that a burst of tool calls from one model turn does not trip
 * TIDAL's token-bucket limiter (observed: about 4 requests/s sustained is safe).
 *
 * Policy: GCRA (a token bucket expressed as a "theoretical arrival time"). Every caller
 * reserves its slot synchronously, so concurrent callers are spaced fairly without a queue.
 * TIDAL's own `x-ratelimit-*` hints can push the next slot later when its bucket is empty.
 */
import { systemClock, type Clock } from './clock.js';

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private theoreticalArrival: number;

  constructor(
    requestsPerSecond: number,
    burst = Math.max(1, Math.floor(requestsPerSecond)),
    private readonly clock: Clock = systemClock,
  ) {
    this.intervalMs = 1000 / requestsPerSecond;
    this.toleranceMs = (burst - 1) * this.intervalMs;
    this.theoreticalArrival = clock.now();
  }

  /** Wait for a slot. Resolves at once while there is burst capacity left. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const arrival = Math.max(this.theoreticalArrival, now);
    const waitMs = arrival - this.toleranceMs - now;
    this.theoreticalArrival = arrival + this.intervalMs;
    if (waitMs > 0) await this.clock.sleep(waitMs, signal);
  }

  /** TIDAL says its bucket is empty: hold every later request for at least `ms`. */
  pauseFor(ms: number): void {
    const resumeAt = this.clock.now() + ms;
    // Shift the schedule so that the first free slot is at resumeAt.
    this.theoreticalArrival = Math.max(this.theoreticalArrival, resumeAt + this.toleranceMs);
  }
}
