/**
 * A fresh `Idempotency-Key` for one write. From the global Web Crypto, loaded on first use:
 * importing node:crypto at module level would cost every start about 5 ms, since the tools'
 * input schemas import constants from modules next to the writers.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
