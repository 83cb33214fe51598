import { ValidationError } from './errors';

/*
 * UK mobile numbers, stored as E.164 `+447xxxxxxxxx` (+44, then 10 national digits starting 7).
 * Error messages never echo the number itself: it is personal data and messages end up in logs.
 */

const SEPARATORS = /[\s\-.()]/g;
const PLUS_THEN_DIGITS = /^\+?[0-9]*$/;
const UK_MOBILE_E164 = /^\+447[0-9]{9}$/;
const EXAMPLE = 'e.g. 07700 900123 or +44 7700 900123';

/** The national significant number (no 0, no 44), or a reason the prefix is wrong. */
function nationalPart(compact: string): string | { problem: string } {
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+44')) return { problem: `mobile number must be a UK number starting +44 (${EXAMPLE})` };
    return dropTrunkZero(compact.slice(3));
  }
  if (compact.startsWith('0044')) return dropTrunkZero(compact.slice(4));
  if (compact.startsWith('44')) return dropTrunkZero(compact.slice(2));
  if (compact.startsWith('00')) return { problem: `mobile number must be a UK number (${EXAMPLE})` };
  if (compact.startsWith('0')) return compact.slice(1);
  return { problem: `mobile number must start with 07, +44 7 or 0044 7 (${EXAMPLE})` };
}

/** `+44 (0)7700 900123` is a common way to write a UK number; the 0 after +44 is dropped. */
function dropTrunkZero(national: string): string {
  return national.startsWith('0') ? national.slice(1) : national;
}

/**
 * Normalises a UK mobile number typed by a person (`07700 900123`, `+44 7700 900123`, `0044 7700 900123`,
 * `447700900123`; spaces, dashes, dots and brackets allowed) to E.164 `+447700900123`.
 * Throws `ValidationError(field, …)` saying what is wrong; landlines and non-UK numbers are rejected.
 */
export function parseUkMobile(input: string, field = 'mobile'): string {
  if (typeof input !== 'string') throw new ValidationError(field, 'mobile number must be a string');
  const compact = input.replace(SEPARATORS, '');
  if (compact === '') throw new ValidationError(field, 'mobile number is required');
  if (!PLUS_THEN_DIGITS.test(compact)) {
    throw new ValidationError(
      field,
      'mobile number may contain only digits, spaces, dashes, dots, brackets and a leading +',
    );
  }
  const national = nationalPart(compact);
  if (typeof national !== 'string') throw new ValidationError(field, national.problem);
  if (national !== '' && !national.startsWith('7')) {
    throw new ValidationError(
      field,
      `mobile number must be a UK mobile starting 07; landlines and other numbers cannot receive texts (${EXAMPLE})`,
    );
  }
  if (national.length < 10) {
    throw new ValidationError(field, `mobile number is too short: a UK mobile has 11 digits starting 07 (${EXAMPLE})`);
  }
  if (national.length > 10) {
    throw new ValidationError(field, `mobile number is too long: a UK mobile has 11 digits starting 07 (${EXAMPLE})`);
  }
  return `+44${national}`;
}

/** True for a normalised UK mobile number, `+447` and nine more digits, as `parseUkMobile` returns. */
export function isUkMobileE164(s: unknown): s is string {
  return typeof s === 'string' && UK_MOBILE_E164.test(s);
}

/** `+447700900123` → `07700 900123`, the usual UK display format. Throws a RangeError for anything else. */
export function formatUkMobile(e164: string): string {
  if (!isUkMobileE164(e164)) throw new RangeError('formatUkMobile: expected a UK mobile number in E.164 form');
  return `0${e164.slice(3, 7)} ${e164.slice(7)}`;
}

/**
 * A fictional mobile from Ofcom's range reserved for drama (07700 900000–900999): `dramaMobile(123)` is
 * `+447700900123`. Safe for seeds, tests and demos. Throws a RangeError unless `n` is an integer from 0 to 999.
 */
export function dramaMobile(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) {
    throw new RangeError('dramaMobile: n must be an integer from 0 to 999');
  }
  return `+447700900${String(n).padStart(3, '0')}`;
}

/**
 * For logs: `+447700900123` → `+447*******23`. Anything that is not a normalised UK mobile becomes `[redacted]`,
 * so a malformed number is never logged either. Never throws.
 */
export function maskMobile(e164: string): string {
  if (!isUkMobileE164(e164)) return '[redacted]';
  return `+447${'*'.repeat(7)}${e164.slice(-2)}`;
}
