import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ValidationError } from '../shared/errors';
import { parseNhsNumber } from '../shared/nhs-number';
import { parseUkMobile, ukMobileByShape } from '../shared/phone';

/*
 * Custom scalars validate at the edge, so resolvers and use cases only ever see normalised values. Input errors are
 * ValidationErrors; functions/graphql/errors.ts turns them into BAD_USER_INPUT naming the variable path, without
 * echoing the value (an NHS or phone number is personal data).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function stringLiteral(ast: ValueNode, scalar: string, field: string): string {
  if (ast.kind !== Kind.STRING) throw new ValidationError(field, `${scalar} must be given as a string`);
  return ast.value;
}

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export function parseDate(value: unknown, field = 'date'): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'a date must be a string in the form YYYY-MM-DD');
  const match = DATE.exec(value);
  if (!match) throw new ValidationError(field, 'a date must be in the form YYYY-MM-DD, e.g. 2026-03-02');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new ValidationError(field, 'is not a calendar date');
  }
  return value;
}

/** ISO-8601 date and time with an explicit offset (`Z` or `±hh:mm`); returns the instant in UTC `toISOString` form. */
export function parseDateTime(value: unknown, field = 'dateTime'): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'a date-time must be an ISO-8601 string');
  const match = DATE_TIME.exec(value);
  if (!match) {
    throw new ValidationError(
      field,
      'a date-time must be ISO-8601 with an offset, e.g. 2026-03-02T10:00:00Z or 2026-03-02T10:00:00+01:00',
    );
  }
  parseDate(match[1], field);
  const time = new Date(value).getTime();
  if (!Number.isFinite(time)) throw new ValidationError(field, 'is not a valid date-time');
  return new Date(time).toISOString();
}

function serializeDateTime(value: unknown): string {
  if (value instanceof Date) {
    if (!Number.isFinite(value.getTime())) throw new TypeError('DateTime cannot represent an invalid Date');
    return value.toISOString();
  }
  if (typeof value === 'string') return parseDateTime(value);
  throw new TypeError('DateTime cannot represent a non-date value');
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with an offset; returned in UTC.',
  serialize: serializeDateTime,
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(stringLiteral(ast, 'DateTime', 'dateTime')),
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(stringLiteral(ast, 'Date', 'date')),
});

export const NhsNumberScalar = new GraphQLScalarType<string, string>({
  name: 'NhsNumber',
  description: 'An NHS number: 10 digits with a valid check digit; returned as 10 digits.',
  serialize: (value) => parseNhsNumber(value as string),
  parseValue: (value) => parseNhsNumber(value as string),
  parseLiteral: (ast) => parseNhsNumber(stringLiteral(ast, 'NhsNumber', 'nhsNumber')),
});

export const PhoneNumberScalar = new GraphQLScalarType<string, string>({
  name: 'PhoneNumber',
  description: 'A UK mobile number; returned as E.164.',
  // A stored number is read back by its shape only: one the stricter input rule now refuses (070, 076) must not make
  // the patient's record unreadable. Input is classified strictly.
  serialize: (value) => {
    const e164 = ukMobileByShape(value);
    if (!e164) throw new GraphQLError('PhoneNumber cannot represent this value');
    return e164;
  },
  parseValue: (value) => parseUkMobile(value as string),
  parseLiteral: (ast) => parseUkMobile(stringLiteral(ast, 'PhoneNumber', 'mobile')),
});

export const scalarResolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  NhsNumber: NhsNumberScalar,
  PhoneNumber: PhoneNumberScalar,
};
