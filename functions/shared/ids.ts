import { monotonicFactory } from 'ulid';
import type { Clock } from './clock';

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
