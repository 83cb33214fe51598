/**
 * The errors a use case may raise on purpose. Each carries a stable `code`, mapped to GraphQL `extensions.code` in
 * exactly one place (functions/graphql/errors.ts); anything else reaching a client is an internal error.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that can never be valid. `field` names the offending input field, e.g. `patient.nhsNumber`. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${message}`, options);
  }
}

/** The message names the kind of record only: the id is what the caller sent, and errors never repeat input. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} was not found`);
  }
}

/**
 * Also raised for records outside the caller's scope, so a refusal never reveals whether the record exists. `field`
 * names the input that was refused when the refusal is about one (e.g. an NHS number registered elsewhere).
 */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(
    message = 'You do not have access to this',
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * An illegal state transition, or a concurrent edit caught by a conditional write. `field` names the input the
 * conflict is about when there is one (a mobile already taken); `details` are further extensions for the client, ids
 * and stable reasons only, never a value the caller sent.
 */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  readonly field?: string;
  readonly details?: Readonly<Record<string, string>>;

  constructor(
    message: string,
    options?: { cause?: unknown; field?: string; details?: Readonly<Record<string, string>> },
  ) {
    super(message, options);
    if (options?.field !== undefined) this.field = options.field;
    if (options?.details !== undefined) this.details = options.details;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'A valid identity is required') {
    super(message);
  }
}

/** Ends an exhaustive `switch`: the compiler proves it unreachable, and at run time it names the stray value. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
