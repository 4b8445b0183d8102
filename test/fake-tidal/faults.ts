/**
 * FIFO queue of injected faults. A request consumes at most one fault (the first that matches),
 * so tests can script sequences like "429, then 503, then success" with plain inject() calls.
 */
import type { Fault } from './types.js';

interface Queued {
  fault: Fault;
  remaining: number;
  /** Matching requests still to let through before the fault applies. */
  skip: number;
}

function pathMatches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === 'string') return pattern === path;
  pattern.lastIndex = 0; // a /g regex would otherwise alternate between match and miss
  return pattern.test(path);
}

export class FaultQueue {
  private queue: Queued[] = [];

  inject(fault: Fault): void {
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('fault count must be >= 1');
    const skip = 'skip' in fault ? (fault.skip ?? 0) : 0;
    this.queue.push({ fault, remaining: count, skip });
  }

  clear(): void {
    this.queue = [];
  }

  /** Consumes one use of the first fault that applies to this request. */
  take(kind: 'api' | 'token', path: string, method = 'GET'): Fault | undefined {
    const entry = this.queue.find(({ fault }) =>
      fault.kind === 'token-status'
        ? kind === 'token'
        : kind === 'api' &&
          pathMatches(fault.path, path) &&
          (!('method' in fault) || fault.method === undefined || fault.method === method),
    );
    if (!entry) return undefined;
    if (entry.skip > 0) {
      entry.skip--;
      return undefined;
    }
    if (--entry.remaining === 0) this.queue.splice(this.queue.indexOf(entry), 1);
    return entry.fault;
  }
}
