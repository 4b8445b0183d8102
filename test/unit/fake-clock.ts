import type { Clock } from '../../src/tidal/clock.js';

interface Timer {
  due: number;
  fire: () => void;
}

/** Timers shared by both fake clocks: they fire, in due order, when time passes them. */
class Timers {
  private timers: Timer[] = [];
  add(due: number, fire: () => void): () => void {
    const timer = { due, fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  fireDue(now: number): void {
    for (;;) {
      const next = this.timers
        .filter((t) => t.due <= now)
        .sort((a, b) => a.due - b.due)
        .at(0);
      if (!next) return;
      this.timers = this.timers.filter((t) => t !== next);
      next.fire();
    }
  }
  get pending(): number {
    return this.timers.length;
  }
  nextDue(): number {
    return Math.min(...this.timers.map((t) => t.due));
  }
}

/**
 * A clock whose sleep() returns at once and moves time forward, recording every wait.
 * Timers (call budgets) fire when sleep() or advance() moves time past them.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private readonly timers = new Timers();
  constructor(private time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    this.sleeps.push(ms);
    this.advance(ms);
    return signal?.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve();
  }
  setTimer(ms: number, fire: () => void): () => void {
    return this.timers.add(this.time + ms, fire);
  }
  advance(ms: number): void {
    this.time += ms;
    this.timers.fireDue(this.time);
  }
  /** Timers not yet fired or cancelled (a finished call must leave none behind). */
  get pendingTimers(): number {
    return this.timers.pending;
  }
}

/**
 * A clock that stands still until the test calls advance(): sleeps stay pending until their
 * time comes (or their signal aborts), so tests can interleave waiters deterministically.
 */
export class ManualClock implements Clock {
  private readonly timers = new Timers();
  constructor(private time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = () => {
        cancel();
        reject(signal?.reason as Error);
      };
      const cancel = this.timers.add(this.time + Math.max(0, ms), () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  setTimer(ms: number, fire: () => void): () => void {
    return this.timers.add(this.time + ms, fire);
  }
  /** Move time forward timer by timer, so each fires at its own instant and promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      this.time = Math.max(this.time, Math.min(end, this.timers.nextDue()));
      this.timers.fireDue(this.time);
      await settle();
      if (this.time >= end && this.timers.nextDue() > end) return;
    }
  }
}

/** Let pending promise callbacks run (a few macrotask turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
