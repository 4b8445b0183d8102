/**
 * The error boundary: wording the model can act on. Only UserFacingError text is shown (with a
 * next step for the kinds that have one); anything else becomes the generic internal-error message
 * and goes to stderr in full.
 */
import { isAbort, UserFacingError, userMessage } from '../../errors.js';
import type { Logger } from '../../log.js';
import { BadRequestError, TidalError } from '../../tidal/errors.js';
import { InputError } from './errors.js';

export const DEFAULT_NOT_FOUND_HINT = 'Check the id, or search_catalog for it.';

/** Logs an error that is not user-facing, with its stack, for the maintainer. */
export function logInternal(logger: Logger, toolName: string, error: unknown): void {
  logger.error(
    `${toolName} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

export function describeError(
  error: unknown,
  toolName: string,
  logger: Logger,
  notFoundHint = DEFAULT_NOT_FOUND_HINT,
): string {
  const message = userMessage(error, (e) => logInternal(logger, toolName, e));
  if (error instanceof InputError) return `Invalid arguments for ${toolName}: ${message}`;
  if (isAbort(error)) return `${toolName} was cancelled.`;
  if (error instanceof BadRequestError && error.parameter === 'page[cursor]') {
    return `${message}. The cursor has expired or is no longer valid: repeat the call without cursor.`;
  }
  if (error instanceof TidalError) {
    switch (error.kind) {
      case 'not_found':
        // Some messages already name the next step (e.g. a name that matched no artist).
        return message.includes('search_catalog') ? message : `${message}. ${notFoundHint}`;
      case 'rate_limited':
        return `${message}. Wait, then call ${toolName} again.`;
      case 'network':
      case 'upstream':
        return `${message}. This is usually temporary; try again shortly.`;
      default:
        return message;
    }
  }
  return error instanceof UserFacingError ? message : `${toolName} failed because of ${message}.`;
}
