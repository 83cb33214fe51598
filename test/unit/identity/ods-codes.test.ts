import { isOdsCodeOf, parseOdsCode } from '../../../functions/identity/ods-codes';
import { ValidationError } from '../../../functions/shared/errors';

describe('parseOdsCode', () => {
  it.each([
    ['ICB', 'QWE', 'QWE'],
    ['ICB', 'qe1', 'QE1'],
    ['PCN', ' U12345 ', 'U12345'],
    ['PRACTICE', 'a81001', 'A81001'],
    ['PRACTICE', 'Y02345', 'Y02345'],
    ['PROVIDER', '8JK94', '8JK94'],
  ] as const)('returns a %s code %p upper case as %p', (kind, input, expected) => {
    expect(parseOdsCode(input, kind)).toBe(expected);
  });

  it.each([
    ['ICB', '02P', 'a sub-ICB location (former CCG) code'],
    ['ICB', 'QWER', 'four characters'],
    ['PCN', 'A81001', 'a practice code'],
    ['PCN', 'U9876', 'five characters'],
    ['PRACTICE', 'U12345X', 'seven characters'],
    ['PRACTICE', 'AB1001', 'two letters'],
    ['PRACTICE', 'A8100１', 'a full-width digit'],
    ['PROVIDER', 'TEN-CHARS!', 'punctuation'],
  ] as const)('throws for a %s code %p (%s), naming the field without the value', (kind, input, _reason) => {
    let error: unknown;
    try {
      parseOdsCode(input, kind, 'parentOdsCode');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'parentOdsCode' });
    expect((error as Error).message).not.toContain(input);
  });

  it('throws for a value that is not text or is far longer than any code', () => {
    expect(() => parseOdsCode(42, 'ICB')).toThrow(ValidationError);
    expect(() => parseOdsCode('Q'.repeat(5000), 'PROVIDER')).toThrow(ValidationError);
  });

  it('tells the formats of the kinds apart', () => {
    expect(['QWE', 'U12345', 'A81001'].map((code) => isOdsCodeOf(code, 'PCN'))).toEqual([false, true, false]);
  });
});
