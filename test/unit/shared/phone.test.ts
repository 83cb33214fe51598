import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePhoneNumberFromString as parseWithFullMetadata } from 'libphonenumber-js/max';
import { PhoneNumberScalar } from '../../../functions/graphql/scalars';
import { ValidationError } from '../../../functions/shared/errors';
import {
  dramaMobile,
  formatUkMobile,
  isUkMobileE164,
  maskMobile,
  parseUkMobile,
  ukMobileByShape,
} from '../../../functions/shared/phone';
import { UK_PHONE_METADATA_FILE, ukPhoneMetadata } from '../../../scripts/uk-phone-metadata';

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
/** The nine digits after `+447`. */
const subscriber = digits(9, 9);
/** The oracle: libphonenumber-js with its complete metadata for every country, as Google publishes it. */
function isMobileByFullMetadata(e164: string): boolean {
  const number = parseWithFullMetadata(e164);
  return Boolean(number?.isValid() && number.getType() === 'MOBILE');
}
/** Any mobile number in use in the UK (or the Crown Dependencies), or one from Ofcom's drama range. */
const e164Mobile = fc.oneof(
  subscriber.map((nine) => `+447${nine}`).filter(isMobileByFullMetadata),
  fc.integer({ min: 0, max: 999 }).map(dramaMobile),
);
const prefix = fc.constantFrom('+44', '0044', '0', '44', '+44 (0)', '+44(0)', '0044 0');
const separator = fc.constantFrom('', '', '', ' ', '-', '.', '(', ')', ' - ', '  ');
const fieldName = fc.stringMatching(/^[a-z][A-Za-z0-9.]{0,30}$/);

/** Writes `e164` as a person might: any accepted prefix, separators sprinkled anywhere. */
const typedAs = (e164: string) =>
  fc
    .tuple(prefix, fc.array(separator, { minLength: 20, maxLength: 20 }))
    .map(([p, seps]) => [...`${p}${e164.slice(3)}`].map((c, i) => `${seps[i]}${c}`).join('') + seps[19]);

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

describe('parseUkMobile', () => {
  it('returns E.164 for the usual ways of writing a UK mobile', () => {
    for (const typed of [
      '07700 900123',
      '07700900123',
      '07700-900-123',
      '07700.900.123',
      '(07700) 900123',
      '+44 7700 900123',
      '+447700900123',
      '+44 (0)7700 900123',
      '0044 7700 900123',
      '00447700900123',
      '447700900123',
      '44 7700 900 123',
      '  07700 900123\t',
    ]) {
      expect(parseUkMobile(typed)).toBe('+447700900123');
    }
  });

  it('returns E.164 for mobiles from Guernsey, Jersey and the Isle of Man, which share +44', () => {
    for (const [typed, e164] of [
      ['07781 123456', '+447781123456'],
      ['07797 123456', '+447797123456'],
      ['07624 123456', '+447624123456'],
    ]) {
      expect(parseUkMobile(typed)).toBe(e164);
    }
  });

  it('throws when the number is a UK landline or non-geographic number', () => {
    // libphonenumber's own example numbers for each type, and Ofcom's drama numbers for London and freephone.
    for (const landline of [
      '+44 20 7946 0000',
      '020 7946 0000',
      '0121 234 5678',
      '0808 157 0000',
      '0800 123 4567',
      '0900 123 4567',
      '056 1234 5678',
      '0303 123 4567',
    ]) {
      const error = validationErrorFrom(() => parseUkMobile(landline));
      expect(error.field).toBe('mobile');
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/UK mobile starting 07; landlines/);
    }
  });

  it('throws when the number is a personal number (070), which may never deliver a text', () => {
    expect(() => parseUkMobile('07012 345678')).toThrow('mobile: mobile number is a personal number (070)');
    fc.assert(
      fc.property(digits(8, 8), prefix, (eight, p) => {
        expect(() => parseUkMobile(`${p}70${eight}`)).toThrow(/personal number \(070\)/);
      }),
    );
  });

  it('throws when the number is a pager (076)', () => {
    expect(() => parseUkMobile('07640 123456')).toThrow('mobile: mobile number is a pager number (076)');
  });

  it('throws when the number is in a range not in use', () => {
    for (const unused of ['07700 500123', '01632 960000', '+441632960000']) {
      expect(() => parseUkMobile(unused)).toThrow(/not a UK number in use/);
    }
  });

  it('returns a +44 7 number exactly when libphonenumber calls it a mobile, or it is a drama number (property)', () => {
    fc.assert(
      fc.property(subscriber, (nine) => {
        const e164 = `+447${nine}`;
        const accepted = (() => {
          try {
            return parseUkMobile(`07${nine}`) === e164;
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
            return false;
          }
        })();
        expect(accepted).toBe(isMobileByFullMetadata(e164) || /^\+447700900\d{3}$/.test(e164));
      }),
      { numRuns: 2000 },
    );
  });

  it('uses the +44 part of the installed libphonenumber-js metadata (run `npm run phone:metadata` after an upgrade)', () => {
    expect(JSON.parse(readFileSync(UK_PHONE_METADATA_FILE, 'utf8'))).toEqual(ukPhoneMetadata());
  });

  it('throws when the number is not a UK number', () => {
    for (const foreign of ['+1 202 555 0123', '+353 85 123 4567', '00353 85 123 4567']) {
      expect(() => parseUkMobile(foreign)).toThrow(/UK number/);
    }
  });

  it('throws when the number has no 0 or country code in front', () => {
    expect(() => parseUkMobile('7700 900123')).toThrow(/must start with 07, \+44 7 or 0044 7/);
  });

  it('throws when too short or too long', () => {
    expect(() => parseUkMobile('07700 90012')).toThrow('mobile: mobile number is too short');
    expect(() => parseUkMobile('+44 7')).toThrow(/too short/);
    expect(() => parseUkMobile('+44')).toThrow(/too short/);
    expect(() => parseUkMobile('07700 9001234')).toThrow('mobile: mobile number is too long');
  });

  it('throws when there are letters or other symbols', () => {
    for (const bad of [
      '07700 9OO123',
      'tel: 07700 900123',
      '07700/900123',
      '07700 900123 ext 1',
      '07700+900123',
      '++447700900123',
    ]) {
      expect(() => parseUkMobile(bad)).toThrow(/only digits, spaces, dashes, dots, brackets and a leading \+/);
    }
  });

  it('throws when empty', () => {
    for (const bad of ['', '  ', '()', '-']) {
      expect(() => parseUkMobile(bad)).toThrow('mobile: mobile number is required');
    }
  });

  it('throws when given a non-string at run time', () => {
    expect(() => parseUkMobile(7700900123 as unknown as string)).toThrow(ValidationError);
  });

  it('returns the same E.164 however a mobile is written', () => {
    fc.assert(
      fc.property(
        e164Mobile.chain((e164) => fc.tuple(fc.constant(e164), typedAs(e164))),
        ([e164, typed]) => {
          expect(parseUkMobile(typed)).toBe(e164);
        },
      ),
    );
  });

  it('throws when the national number does not start with 7', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3', '5', '6', '8', '9'), subscriber, prefix, (first, nine, p) => {
        expect(() => parseUkMobile(`${p}${first}${nine}`)).toThrow(/starting 07/);
      }),
    );
  });

  it('throws when a mobile has any number of digits but ten after the 0', () => {
    fc.assert(
      fc.property(
        digits(0, 15).filter((rest) => rest.length !== 9),
        prefix,
        (rest, p) => {
          expect(() => parseUkMobile(`${p}7${rest}`)).toThrow(/too (short|long)/);
        },
      ),
    );
  });

  it('throws a ValidationError naming the field passed in, without echoing the number', () => {
    const badInput = fc.oneof(
      subscriber.map((nine) => `+442${nine}`),
      digits(4, 7).map((rest) => `077${rest}`),
      digits(10, 14).map((rest) => `07${rest}`),
      subscriber.map((nine) => `07a${nine}`),
      subscriber.map((nine) => `+1 7${nine}`),
    );
    fc.assert(
      fc.property(badInput, fieldName, (input, field) => {
        const error = validationErrorFrom(() => parseUkMobile(input, field));
        expect(error.field).toBe(field);
        expect(error.message.startsWith(`${field}: `)).toBe(true);
        // Every input has 7+ digits; the longest digit run in any message (its example) is 6.
        expect(error.message).not.toContain(input.replace(/\D/g, '').slice(-7));
      }),
    );
  });
});

describe('ukMobileByShape (stored numbers and the provider’s, read back)', () => {
  it('returns a personal (070) or pager (076) number that the input rule now refuses, in E.164', () => {
    expect(ukMobileByShape('+447012345678')).toBe('+447012345678');
    expect(ukMobileByShape('07640 123456')).toBe('+447640123456');
    expect(() => parseUkMobile('07012 345678')).toThrow(ValidationError);
  });

  it('returns undefined for anything not shaped like a UK mobile', () => {
    for (const bad of ['+442079460000', '0113 496 0001', '+15551234567', '07700 90012', 'STOP', '', 42, undefined]) {
      expect(ukMobileByShape(bad)).toBeUndefined();
    }
  });

  it('lets the PhoneNumber scalar serialise a stored 070 number, while refusing it as input', () => {
    expect(PhoneNumberScalar.serialize('+447012345678')).toBe('+447012345678');
    expect(() => PhoneNumberScalar.parseValue('07012 345678')).toThrow(ValidationError);
    expect(() => PhoneNumberScalar.serialize('+442079460000')).toThrow('PhoneNumber cannot represent this value');
  });
});

describe('isUkMobileE164', () => {
  it('returns true only for normalised UK mobiles', () => {
    expect(isUkMobileE164('+447700900123')).toBe(true);
    for (const bad of ['07700900123', '+4477009001234', '+44770090012', '+442079460000', '+44 7700 900123', 42]) {
      expect(isUkMobileE164(bad)).toBe(false);
    }
  });
});

describe('formatUkMobile', () => {
  it('returns the usual 5-6 display form', () => {
    expect(formatUkMobile('+447700900123')).toBe('07700 900123');
  });

  it('returns a form that parses back to the same E.164', () => {
    fc.assert(fc.property(e164Mobile, (e164) => expect(parseUkMobile(formatUkMobile(e164))).toBe(e164)));
  });

  it('throws when not given a normalised UK mobile', () => {
    expect(() => formatUkMobile('07700 900123')).toThrow(RangeError);
  });
});

describe('dramaMobile', () => {
  it('returns numbers from the Ofcom drama range', () => {
    expect(dramaMobile(0)).toBe('+447700900000');
    expect(dramaMobile(123)).toBe('+447700900123');
    expect(dramaMobile(999)).toBe('+447700900999');
  });

  it('returns 1000 distinct mobiles that parseUkMobile accepts unchanged', () => {
    const all = Array.from({ length: 1000 }, (_, n) => dramaMobile(n));
    expect(new Set(all).size).toBe(1000);
    for (const mobile of all) expect(parseUkMobile(mobile)).toBe(mobile);
  });

  it('throws when n is not an integer from 0 to 999', () => {
    for (const bad of [-1, 1000, 1.5, Number.NaN]) {
      expect(() => dramaMobile(bad)).toThrow(RangeError);
    }
  });
});

describe('maskMobile', () => {
  it('returns the number with all but +447 and the last two digits hidden', () => {
    expect(maskMobile('+447700900123')).toBe('+447*******23');
  });

  it('returns [redacted] for anything that is not a normalised UK mobile', () => {
    for (const bad of ['07700 900123', '+442079460000', '', 'hello']) {
      expect(maskMobile(bad)).toBe('[redacted]');
    }
  });

  it('returns at most two digits of the subscriber number', () => {
    fc.assert(
      fc.property(e164Mobile, (e164) => {
        const masked = maskMobile(e164);
        expect(masked).toHaveLength(e164.length);
        expect(masked.slice(4).replace(/\*/g, '')).toBe(e164.slice(-2));
      }),
    );
  });
});
