import fc from 'fast-check';
import { ValidationError } from '../../../functions/shared/errors';
import {
  FICTIONAL_NHS_NUMBER_COUNT,
  fictionalNhsNumber,
  formatNhsNumber,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  parseNhsNumber,
} from '../../../functions/shared/nhs-number';

const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const nineDigits = digits(9);
const validNhsNumber = nineDigits
  .filter((nine) => nhsNumberCheckDigit(nine) !== undefined)
  .map((nine) => `${nine}${nhsNumberCheckDigit(nine)}`);
const fieldName = fc.stringMatching(/^[a-z][A-Za-z0-9.]{0,30}$/);

/** Runs `fn`, expecting a ValidationError, and returns it. */
function validationErrorFrom(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

describe('nhsNumberCheckDigit', () => {
  it('returns the modulus-11 check digit of known numbers', () => {
    expect(nhsNumberCheckDigit('943476591')).toBe(9);
    expect(nhsNumberCheckDigit('401023213')).toBe(7);
  });

  it('returns 0 when 11 minus the remainder is 11', () => {
    expect(nhsNumberCheckDigit('400000002')).toBe(0);
  });

  it('returns undefined when 11 minus the remainder is 10', () => {
    expect(nhsNumberCheckDigit('400000008')).toBeUndefined();
  });

  it('throws when not given exactly nine digits', () => {
    for (const bad of ['', '12345678', '1234567890', '12345678a', '123 45678']) {
      expect(() => nhsNumberCheckDigit(bad)).toThrow(RangeError);
    }
  });
});

describe('parseNhsNumber', () => {
  it('returns the digits of known valid numbers', () => {
    expect(parseNhsNumber('9434765919')).toBe('9434765919');
    expect(parseNhsNumber('4010232137')).toBe('4010232137');
    expect(parseNhsNumber('4000000020')).toBe('4000000020');
  });

  it('returns digits only from spaced, dashed and padded input', () => {
    expect(parseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(parseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(parseNhsNumber('  401 023 2137 ')).toBe('4010232137');
    expect(parseNhsNumber('401-023 2137')).toBe('4010232137');
  });

  it('throws when the check digit does not match', () => {
    const error = validationErrorFrom(() => parseNhsNumber('9434765918'));
    expect(error.field).toBe('nhsNumber');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/check digit/);
  });

  it('throws when no check digit is possible (remainder gives 10)', () => {
    for (let last = 0; last <= 9; last++) {
      expect(() => parseNhsNumber(`400000008${last}`)).toThrow(/check digit/);
    }
  });

  it('throws when the length is wrong, saying how many digits there are', () => {
    expect(() => parseNhsNumber('943476591')).toThrow('nhsNumber: NHS number must have 10 digits, but has 9');
    expect(() => parseNhsNumber('94347659190')).toThrow('nhsNumber: NHS number must have 10 digits, but has 11');
  });

  it('throws when there are characters other than digits, spaces and dashes', () => {
    for (const bad of ['943.476.5919', '943/476/5919', 'NHS9434765919', '９４３４７６５９１９', '943476591O']) {
      expect(() => parseNhsNumber(bad)).toThrow(/only digits, spaces and dashes/);
    }
  });

  it('throws when empty or only separators', () => {
    for (const bad of ['', '   ', '- -']) {
      expect(() => parseNhsNumber(bad)).toThrow('nhsNumber: NHS number is required');
    }
  });

  it('throws when given a non-string at run time', () => {
    expect(() => parseNhsNumber(9434765919 as unknown as string)).toThrow(ValidationError);
  });

  it('returns the number for any nine digits plus their computed check digit', () => {
    fc.assert(
      fc.property(nineDigits, (nine) => {
        const check = nhsNumberCheckDigit(nine);
        fc.pre(check !== undefined);
        expect(parseNhsNumber(`${nine}${check}`)).toBe(`${nine}${check}`);
      }),
    );
  });

  it('throws when the last digit is anything but the computed check digit', () => {
    fc.assert(
      fc.property(nineDigits, digit, (nine, last) => {
        fc.pre(last !== nhsNumberCheckDigit(nine));
        expect(() => parseNhsNumber(`${nine}${last}`)).toThrow(/check digit/);
      }),
    );
  });

  it('throws when any single digit of a valid number is changed', () => {
    fc.assert(
      fc.property(validNhsNumber, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (valid, at, by) => {
        const changed = (Number(valid[at]) + by) % 10;
        const mistyped = `${valid.slice(0, at)}${changed}${valid.slice(at + 1)}`;
        expect(() => parseNhsNumber(mistyped)).toThrow(ValidationError);
      }),
    );
  });

  it('returns the same digits however spaces and dashes are inserted', () => {
    fc.assert(
      fc.property(
        validNhsNumber,
        fc.array(fc.constantFrom('', '', ' ', '-', '  '), { minLength: 11, maxLength: 11 }),
        (valid, seps) => {
          const typed = [...valid].map((d, i) => `${seps[i]}${d}`).join('') + seps[10];
          expect(parseNhsNumber(typed)).toBe(valid);
        },
      ),
    );
  });

  it('throws a ValidationError naming the field passed in, without echoing the number', () => {
    const badInput = fc.oneof(
      digits(9),
      digits(11),
      nineDigits.filter((nine) => nhsNumberCheckDigit(nine) !== 0).map((nine) => `${nine}0`),
      validNhsNumber.map((valid) => `${valid.slice(0, 5)}x${valid.slice(5)}`),
    );
    fc.assert(
      fc.property(badInput, fieldName, (input, field) => {
        const error = validationErrorFrom(() => parseNhsNumber(input, field));
        expect(error.field).toBe(field);
        expect(error.message.startsWith(`${field}: `)).toBe(true);
        expect(error.message).not.toContain(input.replace(/\D/g, ''));
      }),
    );
  });
});

describe('isValidNhsNumber', () => {
  it('returns true for valid numbers, formatted or not', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('401-023-2137')).toBe(true);
  });

  it('returns false for invalid numbers', () => {
    for (const bad of ['9434765918', '943476591', '', 'abcdefghij', '4000000080']) {
      expect(isValidNhsNumber(bad)).toBe(false);
    }
  });
});

describe('formatNhsNumber', () => {
  it('returns the 3-3-4 spaced display form', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('returns a form that parses back to the same digits', () => {
    fc.assert(fc.property(validNhsNumber, (valid) => expect(parseNhsNumber(formatNhsNumber(valid))).toBe(valid)));
  });

  it('throws when not given exactly ten digits', () => {
    for (const bad of ['943476591', '943 476 5919', '94347659190', '']) {
      expect(() => formatNhsNumber(bad)).toThrow(RangeError);
    }
  });
});

describe('fictionalNhsNumber', () => {
  it('returns a fixed valid number in the 999 test range for a seed', () => {
    expect(fictionalNhsNumber(0)).toBe('9990000018');
    expect(fictionalNhsNumber(0)).toBe(fictionalNhsNumber(0));
    expect(fictionalNhsNumber(FICTIONAL_NHS_NUMBER_COUNT - 1)).toMatch(/^99999999\d\d$/);
  });

  it('returns numbers that increase strictly with the seed, so distinct seeds never collide', () => {
    const seed = fc.integer({ min: 0, max: FICTIONAL_NHS_NUMBER_COUNT - 1 });
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        fc.pre(a < b);
        expect(fictionalNhsNumber(a) < fictionalNhsNumber(b)).toBe(true);
      }),
    );
    const firstThousand = Array.from({ length: 1000 }, (_, n) => fictionalNhsNumber(n));
    expect([...firstThousand].sort()).toEqual(firstThousand);
    expect(new Set(firstThousand).size).toBe(1000);
  });

  it('returns valid numbers in the 999 range that parseNhsNumber accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FICTIONAL_NHS_NUMBER_COUNT - 1 }), (seed) => {
        const number = fictionalNhsNumber(seed);
        expect(number.startsWith('999')).toBe(true);
        expect(parseNhsNumber(number)).toBe(number);
      }),
    );
  });

  it('throws when the seed is not an integer in range', () => {
    for (const bad of [-1, FICTIONAL_NHS_NUMBER_COUNT, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fictionalNhsNumber(bad)).toThrow(RangeError);
    }
  });
});
