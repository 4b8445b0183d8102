/**
 * One upstream operation that several callers wait on: an in-flight GET in the response cache,
 * a client-credentials token request, a user-token refresh.
 *
 * Policy: the operation runs on its own AbortController, never on a caller's signal, so the
 * first caller hanging up cannot fail the others. Each caller stops waiting the moment its own
 * signal aborts (its promise rejects with that signal's reason: an AbortError unless the caller
 * chose another reason) while the rest keep waiting. The operation itself is aborted only when
 * every caller that joined it has hung up, and not even then with `keepRunning`: work that must
 * finish once begun, such as a refresh whose rotated refresh token has to reach the store.
 */
export class SharedRequest<T> {
  /** Settles with the operation; always handled, so an abandoned failure is never unhandled. */
  readonly settled: Promise<void>;
  private readonly result: Promise<T>;
  private readonly controller = new AbortController();
  private waiting = 0;
  private done = false;

  constructor(
    run: (signal: AbortSignal) => Promise<T>,
    private readonly options: { keepRunning?: boolean } = {},
  ) {
    this.result = run(this.controller.signal);
    const finish = () => {
      this.done = true;
    };
    this.settled = this.result.then(finish, finish);
  }

  /** Everyone hung up and the operation was aborted: new callers must start a fresh one. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  /** Wait for the shared result, or until `signal` aborts (for this caller only). */
  join(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    this.waiting++;
    if (!signal) return this.result;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.leave();
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void this.result
        .finally(() => signal.removeEventListener('abort', onAbort))
        .then(resolve, reject);
    });
  }

  private leave(): void {
    this.waiting--;
    if (this.waiting > 0 || this.done || this.options.keepRunning) return;
    this.controller.abort(new DOMException('every caller hung up', 'AbortError'));
  }
}

/** What a caller whose signal aborted is rejected with. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}
