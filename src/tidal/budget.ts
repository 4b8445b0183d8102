/**
 * One call's time budget. MCP clients give up on a request after 60 s; a call that is still
 * waiting on TIDAL then fails silently. So every call to TIDAL (API or token endpoint) gets a
 * budget, TIDAL_MCP_REQUEST_TIMEOUT_SECONDS (30 s by default), that covers everything it does:
 * waiting for a rate-limit slot, for a token, for TIDAL's answer, and between retries. Work
 * listens to `signal`, which aborts when the caller hangs up or the budget runs out, whichever
 * comes first; `remainingMs()` lets waits that are known in advance fail fast instead.
 */
import type { Clock } from './clock.js';
import { formatWait, TidalTimeoutError } from './errors.js';

export class CallBudget {
  private readonly controller = new AbortController();
  private readonly deadline: number;
  private expired = false;
  private readonly cancelTimer: () => void;
  private readonly onCallerAbort = () => this.controller.abort(this.caller?.reason);

  constructor(
    private readonly clock: Clock,
    readonly budgetMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.deadline = clock.now() + budgetMs;
    this.cancelTimer = clock.setTimer(budgetMs, () => {
      this.expired = true;
      this.controller.abort(new DOMException('the call budget is spent', 'TimeoutError'));
    });
    if (caller?.aborted) this.onCallerAbort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock.now());
  }

  /**
   * What the caller should see for an error thrown inside the call: once the budget ran out,
   * whatever broke (an aborted request, an aborted wait) is reported as the timeout it is.
   */
  outcome(error: unknown, timedOut: string): unknown {
    if (this.caller?.aborted || !this.expired) return error;
    return new TidalTimeoutError(`${timedOut} (waited ${formatWait(this.budgetMs)})`);
  }

  dispose(): void {
    this.cancelTimer();
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** Run `fn` inside a budget, translating a spent budget into a TidalTimeoutError. */
export async function withBudget<T>(
  clock: Clock,
  budgetMs: number,
  signal: AbortSignal | undefined,
  timedOut: string,
  fn: (budget: CallBudget) => Promise<T>,
): Promise<T> {
  const budget = new CallBudget(clock, budgetMs, signal);
  try {
    return await fn(budget);
  } catch (error) {
    throw budget.outcome(error, timedOut);
  } finally {
    budget.dispose();
  }
}
