/**
 * One notion of "safe to show": an error is shown to the model or the person at the terminal only
 * when it is a UserFacingError, whose message was written for them (what went wrong, what to do)
 * and never carries a token, secret, code or verifier. Anything else is a bug or a library's raw
 * text: it is logged to stderr and replaced by a generic message.
 *
 * This module sits at the bottom of the layers (beside log.ts) so src/tidal, src/auth, the tools
 * and the CLI can all share it.
 */

export abstract class UserFacingError extends Error {}

/** What a cancelled operation reports, wherever it was cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export const INTERNAL_ERROR_MESSAGE =
  'an internal error in tidal-mcp (details are in the server log)';

/**
 * The one function that turns any error into text for a result, a per-item reason or the CLI.
 * `onInternal` receives errors that are not user-facing, so the caller can log them.
 */
export function userMessage(error: unknown, onInternal?: (error: unknown) => void): string {
  if (error instanceof UserFacingError) return error.message;
  if (isAbort(error)) return 'cancelled';
  onInternal?.(error);
  return INTERNAL_ERROR_MESSAGE;
}
