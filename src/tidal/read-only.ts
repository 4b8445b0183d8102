/**
 * A read-only tool must never write, whatever a bug in it tries: define-tool runs every tool
 * annotated readOnlyHint inside withReadOnly(), and TidalHttp refuses to send a write there. Clients
 * run read-only tools without asking the user, so this is a promise, not a convention.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const readOnly = new AsyncLocalStorage<string>();

export function withReadOnly<T>(who: string, fn: () => Promise<T>): Promise<T> {
  return readOnly.run(who, fn);
}

/** Throws (a bug, not a user error) when called on behalf of a read-only tool. */
export function assertWritable(method: string, what: string): void {
  const who = readOnly.getStore();
  if (who !== undefined) {
    throw new Error(`read-only ${who} tried to send ${method} for ${what}; refused`);
  }
}
