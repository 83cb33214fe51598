import { ValidationError } from './errors';

/*
 * NHS numbers: 10 digits, the last a modulus-11 check digit over the first nine (weights 10 down to 2).
 * Error messages never echo the number itself: it is personal data and messages end up in logs.
 */

const SEPARATORS = /[\s-]/g;
const DIGITS_ONLY = /^[0-9]*$/;
const NINE_DIGITS = /^[0-9]{9}$/;
const TEN_DIGITS = /^[0-9]{10}$/;

/**
 * The check digit for the first nine digits of an NHS number, or `undefined` when the modulus-11 result is 10
 * (no valid NHS number starts with those nine digits). Throws a RangeError unless given exactly nine digits.
 */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!NINE_DIGITS.test(firstNine)) throw new RangeError('nhsNumberCheckDigit: expected exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/**
 * Normalises an NHS number typed by a person: 10 digits, optionally grouped with spaces or dashes
 * (`943 476 5919`, `943-476-5919`). Returns the 10 digits. Throws `ValidationError(field, …)` saying what is wrong.
 */
export function parseNhsNumber(input: string, field = 'nhsNumber'): string {
  if (typeof input !== 'string') throw new ValidationError(field, 'NHS number must be a string');
  const digits = input.replace(SEPARATORS, '');
  if (digits === '') throw new ValidationError(field, 'NHS number is required');
  if (!DIGITS_ONLY.test(digits)) {
    throw new ValidationError(field, 'NHS number may contain only digits, spaces and dashes');
  }
  if (digits.length !== 10) {
    throw new ValidationError(field, `NHS number must have 10 digits, but has ${digits.length}`);
  }
  if (nhsNumberCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    throw new ValidationError(field, 'NHS number is not valid: its check digit does not match (is it mistyped?)');
  }
  return digits;
}

/** True when `parseNhsNumber` would accept `s` (formatted or not). */
export function isValidNhsNumber(s: string): boolean {
  try {
    parseNhsNumber(s);
    return true;
  } catch {
    return false;
  }
}

/** `9434765919` → `943 476 5919`, the NHS display format. Throws a RangeError unless given exactly 10 digits. */
export function formatNhsNumber(digits: string): string {
  if (!TEN_DIGITS.test(digits)) throw new RangeError('formatNhsNumber: expected exactly 10 digits');
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** How many distinct numbers `fictionalNhsNumber` can make: seeds 0 to FICTIONAL_NHS_NUMBER_COUNT − 1. */
export const FICTIONAL_NHS_NUMBER_COUNT = 900_000;

/**
 * A valid NHS number in the `999` range the NHS reserves for test data, for seeds and tests. Deterministic and
 * strictly increasing in `seed`, so distinct seeds give distinct numbers. Digits 4–8 are `floor(seed / 9)`; the
 * ninth is the `(seed mod 9)`-th digit whose check digit is not 10 (at most one of the ten is, so there are ≥ 9).
 */
export function fictionalNhsNumber(seed: number): string {
  if (!Number.isInteger(seed) || seed < 0 || seed >= FICTIONAL_NHS_NUMBER_COUNT) {
    throw new RangeError(`fictionalNhsNumber: seed must be an integer from 0 to ${FICTIONAL_NHS_NUMBER_COUNT - 1}`);
  }
  const firstEight = `999${String(Math.floor(seed / 9)).padStart(5, '0')}`;
  let skip = seed % 9;
  for (let ninth = 0; ninth <= 9; ninth++) {
    const check = nhsNumberCheckDigit(`${firstEight}${ninth}`);
    if (check === undefined) continue;
    if (skip === 0) return `${firstEight}${ninth}${check}`;
    skip--;
  }
  throw new Error('fictionalNhsNumber: unreachable');
}
