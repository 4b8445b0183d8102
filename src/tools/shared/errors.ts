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
