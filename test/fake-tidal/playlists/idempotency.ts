/**
 * Idempotency-Key replay as the OAS describes it: the same key and payload within an hour
 * replays the first response; the same key with a different payload is 422
 * IDEMPOTENT_REQUEST_PAYLOAD_MISMATCH. Keys are scoped per user.
 */
import { ApiError } from '../jsonapi/errors.js';
import type { ApiResult } from '../routes/router.js';

interface Stored {
  fingerprint: string;
  result: ApiResult;
  at: number;
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Stored>();
  /** How many writes were answered by replay; tests assert a retried write did not apply twice. */
  replays = 0;

  run(
    scope: string,
    key: string | undefined,
    fingerprint: string,
    apply: () => ApiResult,
  ): ApiResult {
    if (key === undefined || key === '') return apply();
    if (key.length > 128) throw new ApiError(400, 'Idempotency-Key must be at most 128 characters');
    const id = `${scope}\u0000${key}`;
    const stored = this.entries.get(id);
    if (stored && Date.now() - stored.at < 3_600_000) {
      if (stored.fingerprint !== fingerprint) {
        throw new ApiError(422, 'Idempotency-Key was used with a different payload', {
          code: 'IDEMPOTENT_REQUEST_PAYLOAD_MISMATCH',
        });
      }
      this.replays++;
      return stored.result;
    }
    const result = apply();
    this.entries.set(id, { fingerprint, result, at: Date.now() });
    return result;
  }
}
