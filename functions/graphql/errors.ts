import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ConflictError, DomainError, ForbiddenError, ValidationError } from '../shared/errors';
import { logger } from './logger';
import { fieldOfMessage, safeRequestMessage } from './request-errors';

/**
 * The one edge where errors become GraphQL errors. Clients see `extensions.code` from this list and nothing else:
 * domain errors keep their code and message; Apollo's own request errors (parse, validation, bad variables) keep
 * theirs, with messages rebuilt so they never quote a submitted value (request-errors.ts) and name the input in
 * `extensions.field`; anything unexpected becomes INTERNAL_SERVER_ERROR with a generic message and is logged here,
 * without its message (which may quote stored data), only its name, code and stack frames.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** More aliases in one operation than the limit (limits.ts). */
  QUERY_TOO_MANY_ALIASES: 'QUERY_TOO_MANY_ALIASES',
  /** More root fields (distinct response keys) in one operation than the limit. */
  QUERY_TOO_MANY_ROOT_FIELDS: 'QUERY_TOO_MANY_ROOT_FIELDS',
  QUERY_TOO_MANY_DIRECTIVES: 'QUERY_TOO_MANY_DIRECTIVES',
  /** A document with more tokens than the parser accepts. */
  QUERY_TOO_LONG: 'QUERY_TOO_LONG',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes Apollo Server and graphql-js attach to malformed requests; they describe the request, never our data. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.QUERY_TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_MANY_ROOT_FIELDS,
  ErrorCode.QUERY_TOO_MANY_DIRECTIVES,
  ErrorCode.QUERY_TOO_LONG,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
]);

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

export const INTERNAL_MESSAGE = 'Something went wrong on our side. It has been logged; please try again.';

/** A DomainError as a GraphQLError, for errors raised outside resolvers (context creation) that need an HTTP status. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const status = HTTP_STATUS[error.code];
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...(error instanceof ValidationError ? { field: error.field } : {}),
      ...(status ? { http: { status } } : {}),
    },
  });
}

/** The first DomainError along the `originalError` / `cause` chain, if any. */
function findDomainError(error: unknown): DomainError | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && !seen.has(current); ) {
    seen.add(current);
    if (current instanceof DomainError) return current;
    const next: unknown =
      (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return undefined;
}

const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; /;

/**
 * A scalar's ValidationError reaches us wrapped by graphql-js, whose message quotes the rejected value (an NHS
 * number, a phone number). Rebuild it from the variable path and our own reason, so nothing personal is echoed.
 */
function validationErrorOutput(
  formatted: GraphQLFormattedError,
  error: ValidationError,
): { message: string; field: string } {
  const reason = error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
  const variable = VARIABLE_ERROR.exec(formatted.message);
  if (variable) {
    // The path sits after the quoted value, which a client controls: trust it only if it looks like a path.
    const path = variable[2] !== undefined && INPUT_PATH.test(variable[2]) ? variable[2] : undefined;
    const field = path ?? variable[1]!;
    return { message: `${field}: ${reason}`, field };
  }
  // Validation named the argument path of a literal (request-errors.ts); the scalar only knows its own default name.
  const annotated = formatted.extensions?.field;
  const field = typeof annotated === 'string' ? annotated : error.field;
  return { message: `${field}: ${reason}`, field };
}

const INPUT_PATH = /^\w+(?:\.\w+|\[\d+\])*$/;

/** The limit a width or length check reported (limits.ts), through Apollo's GRAPHQL_VALIDATION_FAILED wrapper. */
function findLimitError(error: unknown): GraphQLError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof GraphQLError && LIMIT_CODES.has(current.extensions?.code as ErrorCode)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

const LIMIT_CODES = new Set<ErrorCode>([
  ErrorCode.QUERY_TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_MANY_ROOT_FIELDS,
  ErrorCode.QUERY_TOO_MANY_DIRECTIVES,
]);
// graphql-js 16 spells it "more that"; accept the corrected spelling too.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\./;

/** What may be logged about an unexpected error: names, codes and stack frames, never its message. */
export function describeError(error: unknown): Record<string, unknown> {
  const chain: string[] = [];
  const seen = new Set<unknown>();
  let frames: string[] | undefined;
  for (let current = error; current && !seen.has(current); ) {
    seen.add(current);
    const e = current as { name?: string; code?: string; stack?: string; originalError?: unknown; cause?: unknown };
    chain.push([e.name ?? typeof current, e.code].filter(Boolean).join(':'));
    // The first stack line repeats the message; keep only the frames.
    if (e.stack && !(current instanceof GraphQLError))
      frames ??= e.stack
        .split('\n')
        .slice(1, 12)
        .map((l) => l.trim());
    current = e.originalError ?? e.cause;
  }
  return { errorChain: chain, stack: frames };
}

export interface ErrorFormatterOptions {
  /** Production: no `Did you mean …` suggestions and no type names or enum values in request errors. */
  hideSchemaDetails: boolean;
}

/** Apollo's `formatError`: see the module comment. */
export function createErrorFormatter(
  options: ErrorFormatterOptions,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const domain = findDomainError(unwrapResolverError(error)) ?? findDomainError(error);
    if (domain) {
      if (domain instanceof ValidationError) {
        const { message, field } = validationErrorOutput(formatted, domain);
        return { ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT, field } };
      }
      const field = domain instanceof ForbiddenError || domain instanceof ConflictError ? domain.field : undefined;
      const details = domain instanceof ConflictError ? domain.details : undefined;
      return {
        ...formatted,
        message: domain.message,
        extensions: { code: domain.code, ...(field ? { field } : {}), ...details },
      };
    }

    const limit = findLimitError(error);
    if (limit) {
      const { http: _http, ...extensions } = limit.extensions;
      return { message: limit.message, extensions };
    }
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens) {
      return {
        message: `A document may have at most ${tokens[1]} tokens`,
        extensions: { code: ErrorCode.QUERY_TOO_LONG, limit: Number(tokens[1]) },
      };
    }

    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      const field = typeof extensions.field === 'string' ? extensions.field : fieldOfMessage(formatted.message);
      const message = safeRequestMessage(formatted.message, field, options.hideSchemaDetails);
      return { ...formatted, message, extensions: { ...extensions, ...(field ? { field } : {}) } };
    }

    logger.error('Unexpected error while serving a GraphQL request', {
      path: formatted.path,
      ...describeError(unwrapResolverError(error)),
    });
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The development formatter (suggestions kept); servers use `createErrorFormatter` with their stage. */
export const formatError = createErrorFormatter({ hideSchemaDetails: false });
