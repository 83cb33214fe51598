import { monotonicFactory } from 'ulid';
import type { Clock } from './clock';
import { ValidationError } from './errors';

/** Makes a new id. Ids are ULIDs: 26 upper-case Crockford base-32 characters that sort by creation time. */
export type IdGenerator = () => string;

/**
 * A generator whose ids sort in the order they were made, even within one millisecond or if `clock` goes back
 * (the random part is then incremented from the last id). Pass a `ManualClock` to pin the time part in tests.
 */
export function createIdGenerator(clock?: Clock): IdGenerator {
  const next = monotonicFactory();
  return clock ? () => next(clock.now().getTime()) : () => next();
}

const systemIds = createIdGenerator();

/** A new sortable id from the system clock; ids made by this process sort in creation order. */
export const newId: IdGenerator = () => systemIds();

/** Canonical ULID: first character 0–7 keeps the 48-bit time in range; no I, L, O or U. */
const ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** True for a canonical (upper-case) ULID such as `newId()` returns. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * What an id given as input may look like, checked before it reaches any store: ULIDs (`newId()`), Cognito subjects
 * (UUIDs) and the seeded readable ids (`lw-asha`) all fit. Key values built from ids (`unassigned-<pcnId>`) are
 * internal and never accepted as input. The limit keeps oversized keys (DynamoDB allows 2 KB per key) away from the
 * table and the logs.
 */
export const ID_INPUT_MAX = 64;
const ID_INPUT = /^[A-Za-z0-9_-]+$/;

/** Why `value` cannot be an id, in words fit for an error message (never quoting it), or undefined when it can. */
export function idInputProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must be an id';
  if (value.length > ID_INPUT_MAX || !ID_INPUT.test(value)) {
    return `must be an id: 1 to ${ID_INPUT_MAX} letters, digits, hyphens or underscores`;
  }
  return undefined;
}

/** `value` if it can be an id, else a ValidationError naming `field`. */
export function parseIdInput(value: unknown, field: string): string {
  const problem = idInputProblem(value);
  if (problem) throw new ValidationError(field, problem);
  return value as string;
}
