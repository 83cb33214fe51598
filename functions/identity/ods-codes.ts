import { ValidationError } from '../shared/errors';
import type { OrganisationKind } from './entities/organisation';

/*
 * NHS organisations are identified by their Organisation Data Service (ODS) codes, and this is how a deployment names
 * them when it onboards. The formats, from NHS England's ODS publications:
 * - ICB: three characters, `Q` then two letters or digits (`QWE`, `QE1`, `QNQ`); the 42 ICB codes kept the codes of
 *   the STPs they replaced. Sub-ICB locations (the former CCGs, `02P`, `99E`) are not ICBs and are refused.
 * - PCN: six characters, `U` then five digits (`U12345`), published by NHS Digital since November 2019.
 * - GP practice: six characters, a letter then five digits (`A81001`): the prescribing cost centre code NHS BSA
 *   issues, of which "GP practice" (non-primary role RO76) is the subset we onboard.
 * - Anything else (activity providers, which may have none): one to nine letters or digits.
 * Codes are stored upper case, trimmed; input in lower case is accepted.
 */

interface OdsFormat {
  pattern: RegExp;
  /** Said in an error message: what the code must look like, with an example. */
  rule: string;
}

const FORMATS: Record<OrganisationKind, OdsFormat> = {
  ICB: { pattern: /^Q[A-Z0-9]{2}$/, rule: 'an ICB ODS code: Q and two letters or digits, e.g. QWE' },
  PCN: { pattern: /^U\d{5}$/, rule: 'a PCN ODS code: U and five digits, e.g. U12345' },
  PRACTICE: { pattern: /^[A-Z]\d{5}$/, rule: 'a GP practice ODS code: a letter and five digits, e.g. A81001' },
  PROVIDER: { pattern: /^[A-Z0-9]{1,9}$/, rule: 'an ODS code: one to nine letters or digits' },
};

/** Codes longer than this are refused before any pattern is tried (no ODS code comes close). */
const MAX_INPUT = 20;

/**
 * The ODS code of an organisation of `kind`, upper case; a ValidationError naming `field` (and never repeating the
 * value) when it does not have that kind's format.
 */
export function parseOdsCode(value: unknown, kind: OrganisationKind, field = 'odsCode'): string {
  if (typeof value !== 'string' || value.length > MAX_INPUT)
    throw new ValidationError(field, `must be ${FORMATS[kind].rule}`);
  const code = value.trim().toUpperCase();
  if (!FORMATS[kind].pattern.test(code)) throw new ValidationError(field, `must be ${FORMATS[kind].rule}`);
  return code;
}

/** Whether `code` (already upper case) has the format of `kind`'s codes. */
export function isOdsCodeOf(code: string, kind: OrganisationKind): boolean {
  return FORMATS[kind].pattern.test(code);
}
