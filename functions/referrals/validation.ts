import { ValidationError } from '../shared/errors';
import { parseIdInput } from '../shared/ids';

/*
 * Free text goes through the shared kernel's checks (functions/shared/text.ts): NFC, no control characters (line
 * breaks only where `multiline`), no bidirectional overrides, no unpaired surrogates, length in characters.
 */
export { optionalText, requiredText } from '../shared/text';

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD`, not in the future relative to `now`. */
export function pastIsoDate(value: unknown, field: string, now: Date): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new ValidationError(field, 'must be a date as YYYY-MM-DD');
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new ValidationError(field, 'is not a real date');
  }
  if (date.getTime() > now.getTime()) throw new ValidationError(field, 'must not be in the future');
  if (Number(match[1]) < 1880) throw new ValidationError(field, 'is too far in the past');
  return value as string;
}

/** An ISO 8601 date-time with a zone, normalised to `toISOString()` form so it sorts correctly in keys. */
export function isoDateTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new ValidationError(field, 'must be an ISO 8601 date-time with a time zone');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ValidationError(field, 'is not a real date-time');
  return date.toISOString();
}

/** An id given as input (see `parseIdInput`): 1..64 letters, digits, hyphens or underscores. */
export function nonEmptyId(value: unknown, field: string): string {
  return parseIdInput(value, field);
}
