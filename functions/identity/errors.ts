import { ValidationError } from '../shared/errors';

/**
 * Raised by a SignInAccounts adapter when an e-mail already has an account. Carries that account's subject so the
 * use case can tell a colleague's account (a staff record exists) from one a failed create left behind (none does).
 */
export class SignInAccountExistsError extends Error {
  constructor(
    readonly userId: string,
    options?: { cause?: unknown },
  ) {
    super(`A sign-in account already exists for this e-mail (subject ${userId})`, options);
    this.name = 'SignInAccountExistsError';
  }
}

/**
 * A second organisation with an ODS code already registered (to this or any other organisation, in any ICB: ODS codes
 * are public and national). BAD_USER_INPUT naming the field the code came in.
 */
export class OdsCodeTakenError extends ValidationError {
  constructor(field = 'odsCode') {
    super(field, 'is already registered to an organisation');
  }
}
