import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../../functions/graphql/errors';
import { safeRequestMessage } from '../../../functions/graphql/request-errors';

const MARKER = 'Ann Example 9434765919';

describe('safeRequestMessage', () => {
  it.each([
    [`Syntax Error: Unexpected String "${MARKER}".`, undefined, 'Syntax Error: Unexpected String.'],
    [`Syntax Error: Expected Name, found String "${MARKER}".`, undefined, 'Syntax Error: Expected Name, found String.'],
    [`Syntax Error: Expected ":", found Int "9434765919".`, undefined, 'Syntax Error: Expected ":", found Int.'],
    [
      `Variable "$i" got invalid value { givenName: "${MARKER}" } at "i.x"; Field "x" is not defined.`,
      undefined,
      'i: is not valid',
    ],
    [`Expected value of type "Sex!", found "${MARKER}".`, 'input.sex', 'input.sex: must be a value of type Sex!'],
    [`Expected value of type "Date!", found null.`, 'input.dob', 'input.dob: must not be null'],
    [`String cannot represent a non string value: ["${MARKER}"]`, 'input.note', 'input.note: must be a string'],
    [`ID cannot represent value: { a: "${MARKER}" }`, 'id', 'id: must be an id'],
    [`Value "${MARKER}" does not exist in "Sex" enum.`, 'input.sex', 'input.sex: is not a value of Sex'],
    [`Enum "Sex" cannot represent non-enum value: "${MARKER}".`, 'input.sex', 'input.sex: is not a value of Sex'],
    [`Argument "id" has invalid value "${MARKER}".`, undefined, 'id: is not valid'],
    [`Unknown operation named "${MARKER}".`, undefined, 'operationName: names no operation in the document'],
  ])('rebuilds %j without the submitted value', (message, field, expected) => {
    const safe = safeRequestMessage(message, field, false);

    expect(safe).toBe(expected);
    expect(safe).not.toContain('Ann');
    expect(safe).not.toContain('9434765919');
  });

  it('keeps suggestions in development and drops them in production', () => {
    const message = 'Cannot query field "mee" on type "Query". Did you mean "me"?';

    expect(safeRequestMessage(message, undefined, false)).toBe(message);
    expect(safeRequestMessage(message, undefined, true)).toBe('Cannot query field "mee" on type "Query".');
  });

  it('returns messages that quote nothing unchanged', () => {
    expect(safeRequestMessage('Unknown argument "firts" on field "Query.caseload".', 'firts', true)).toBe(
      'Unknown argument "firts" on field "Query.caseload".',
    );
  });
});

describe('createErrorFormatter', () => {
  const format = createErrorFormatter({ hideSchemaDetails: true });

  it('returns a variable error from execution with the variable named and the value left out', () => {
    const error = new GraphQLError(`Variable "$i" got invalid value "${MARKER}"; Expected type "Sex".`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });

    const formatted = format(error.toJSON(), error);

    expect(formatted).toEqual({ message: 'i: is not valid', extensions: { code: 'BAD_USER_INPUT', field: 'i' } });
  });

  it('returns the limit code a validation rule gave, through Apollo’s wrapper', () => {
    const limit = new GraphQLError('An operation may use at most 15 aliases', {
      extensions: { code: 'QUERY_TOO_MANY_ALIASES', limit: 15, found: 16, http: { status: 400 } },
    });
    const wrapped = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { ...limit.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(format(wrapped.toJSON(), wrapped)).toEqual({
      message: 'An operation may use at most 15 aliases',
      extensions: { code: 'QUERY_TOO_MANY_ALIASES', limit: 15, found: 16 },
    });
  });
});
