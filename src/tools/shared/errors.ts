import { UserFacingError } from '../../errors.js';

/** A tool argument that passed the schema but breaks a rule across fields, or a bad cursor. */
export class InputError extends UserFacingError {
  override name = 'InputError';
  constructor(
    readonly field: string,
    readonly expectation: string,
  ) {
    super(`${field}: ${expectation}`);
  }
}

/**
 * A write whose answer was lost (network, 5xx after retries): it may or may not have been
 * applied, so the message says to look before repeating it, never "try again".
 */
export class WriteOutcomeUnknownError extends UserFacingError {
  override name = 'WriteOutcomeUnknownError';
}
