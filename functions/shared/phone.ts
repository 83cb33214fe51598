import parsePhoneNumber, { type MetadataJson, type PhoneNumberType } from 'libphonenumber-js/core';
import { ValidationError } from './errors';
import ukNumbering from './uk-phone-metadata.json';

/*
 * UK mobile numbers, stored as E.164 `+447xxxxxxxxx` (+44, then 10 national digits starting 7).
 * Error messages never echo the number itself: it is personal data and messages end up in logs.
 *
 * Whether a number is a mobile comes from libphonenumber's metadata (Google's, as libphonenumber-js ships it), not
 * from a list of prefixes kept here: 07 also holds personal numbers (070, which forward calls anywhere and may never
 * deliver a text) and pagers (076), and Ofcom hands out and takes back 07 ranges over time. Only the +44 part of the
 * metadata is bundled (`uk-phone-metadata.json`, written by `npm run phone:metadata` from the installed library, and
 * checked against it by test/unit/shared/phone.test.ts), which costs the GraphQL bundle about 43 KB instead of 120 KB.
 * It covers Guernsey, Jersey and the Isle of Man too: their mobiles are +44 7 numbers that UK patients do carry.
 */

const metadata = ukNumbering as MetadataJson;
const SEPARATORS = /[\s\-.()]/g;
const PLUS_THEN_DIGITS = /^\+?[0-9]*$/;
const UK_MOBILE_E164 = /^\+447[0-9]{9}$/;
/** Ofcom keeps 07700 900000–900999 for drama; libphonenumber calls them unallocated, but seeds, tests and demos use them. */
const DRAMA_NATIONAL = /^7700900[0-9]{3}$/;
const EXAMPLE = 'e.g. 07700 900123 or +44 7700 900123';

/** What the +44 number with this national part is, by libphonenumber's metadata; undefined when it is not in use. */
function ukNumberType(national: string): PhoneNumberType | undefined {
  const number = parsePhoneNumber(`+44${national}`, metadata);
  return number?.isValid() ? number.getType() : undefined;
}

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
 * Throws `ValidationError(field, …)` saying what is wrong; landlines, personal numbers (070), pagers (076), ranges not
 * in use and non-UK numbers are rejected. Numbers from Ofcom's drama range (`dramaMobile`) are accepted.
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
  if (DRAMA_NATIONAL.test(national)) return `+44${national}`;
  const problem = notAMobile(national);
  if (problem) throw new ValidationError(field, problem);
  return `+44${national}`;
}

/** Why a national number is not a UK mobile, or undefined when it is one. */
function notAMobile(national: string): string | undefined {
  const type = ukNumberType(national);
  switch (type) {
    case 'MOBILE':
      return undefined;
    case 'PERSONAL_NUMBER':
      return `mobile number is a personal number (070), which passes calls on and may not get texts; give a mobile (${EXAMPLE})`;
    case 'PAGER':
      return `mobile number is a pager number (076), which cannot get texts; give a mobile (${EXAMPLE})`;
    case undefined:
      if (national.length < 10) {
        return `mobile number is too short: a UK mobile has 11 digits starting 07 (${EXAMPLE})`;
      }
      if (national.length > 10) {
        return `mobile number is too long: a UK mobile has 11 digits starting 07 (${EXAMPLE})`;
      }
      return `mobile number is not a UK number in use: check the digits of the mobile, 11 digits starting 07 (${EXAMPLE})`;
    default:
      return `mobile number must be a UK mobile starting 07; landlines and other numbers cannot receive texts (${EXAMPLE})`;
  }
}

/**
 * A UK mobile number in any usual writing, normalised to E.164 by its shape alone (07, +44 7, 0044 7 or 44 7, then
 * nine digits), with no look-up of the range: for numbers already accepted (read back from the table) or given by the
 * SMS provider (a reply's origination number). A number stored before the input rule refused personal numbers (070)
 * and pagers (076) is still shown, matched and opted out; `parseUkMobile` is for what a person types. Undefined for
 * anything else.
 */
export function ukMobileByShape(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.replace(SEPARATORS, '');
  if (!PLUS_THEN_DIGITS.test(compact) || compact === '') return undefined;
  const national = nationalPart(compact);
  if (typeof national !== 'string') return undefined;
  const e164 = `+44${national}`;
  return UK_MOBILE_E164.test(e164) ? e164 : undefined;
}

/**
 * True for the shape `parseUkMobile` returns, `+447` and nine more digits. A shape check only, with no look-up: a
 * number stored before its range changed must still be masked, formatted and matched.
 */
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
