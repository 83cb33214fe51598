import fc from 'fast-check';
import { ValidationError } from '../../../functions/shared/errors';
import { idInputProblem, newId, parseIdInput } from '../../../functions/shared/ids';
import { characterCount, optionalText, requiredText, textProblem } from '../../../functions/shared/text';
import { HOSTILE_CHARACTERS, HOSTILE_IN_ANY_TEXT } from '../../security/hostile-input';

function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('requiredText', () => {
  it('returns NFC-normalised, trimmed text', () => {
    const decomposed = '  Zoe\u0301 ';

    expect(requiredText(decomposed, 'givenName', 100)).toBe('Zoé');
    expect(requiredText(decomposed, 'givenName', 100)).toHaveLength(3);
  });

  it.each(HOSTILE_CHARACTERS)('throws naming the field, without echoing the text, for a name with a %s', (_, bad) => {
    const error = rejection(() => requiredText(`Ann${bad}SECRET`, 'newPatient.givenName', 100));

    expect(error.field).toBe('newPatient.givenName');
    expect(error.message).not.toContain('SECRET');
  });

  it('returns multi-line text with its tabs and line breaks, CR LF folded to LF', () => {
    expect(requiredText('Walks\r\n\tdaily\rnow', 'notes[0]', 100, { multiline: true })).toBe('Walks\n\tdaily\nnow');
  });

  it.each(HOSTILE_IN_ANY_TEXT)('throws for multi-line text with a %s', (_, bad) => {
    expect(() => requiredText(`Note${bad}`, 'note', 100, { multiline: true })).toThrow(ValidationError);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(requiredText('😀'.repeat(10), 'name', 10)).toBe('😀'.repeat(10));
    expect(() => requiredText('😀'.repeat(11), 'name', 10)).toThrow('name: must be at most 10 characters');
  });

  it('throws when the text is blank, missing or not text', () => {
    expect(() => requiredText('   ', 'name', 10)).toThrow('name: must not be blank');
    expect(() => requiredText(undefined, 'name', 10)).toThrow('name: is required');
    expect(() => requiredText(42, 'name', 10)).toThrow('name: must be text');
  });

  it('returns any well-formed one-line text without controls unchanged apart from NFC and trimming', () => {
    const printable = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .filter((s) => textProblem(s) === undefined && s.trim() !== '');

    fc.assert(
      fc.property(printable, (text) => {
        expect(requiredText(text, 'name', 1000)).toBe(text.normalize('NFC').trim());
      }),
    );
  });
});

describe('optionalText', () => {
  it('returns undefined for absent or blank text', () => {
    expect(optionalText(undefined, 'x', 10)).toBeUndefined();
    expect(optionalText(null, 'x', 10)).toBeUndefined();
    expect(optionalText(' \n ', 'x', 10, { multiline: true })).toBeUndefined();
  });

  it('throws for hostile characters like requiredText', () => {
    expect(() => optionalText('Ann\u202e', 'preferredName', 10)).toThrow(ValidationError);
  });
});

describe('characterCount', () => {
  it('returns the number of code points', () => {
    expect(characterCount('a😀é')).toBe(3);
  });
});

describe('parseIdInput', () => {
  it.each([
    ['a ULID', newId()],
    ['a Cognito subject', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a seeded id', 'lw-asha'],
    ['64 characters', 'a'.repeat(64)],
  ])('returns %s unchanged', (_, id) => {
    expect(parseIdInput(id, 'id')).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['65 characters', 'a'.repeat(65)],
    ['3,000 characters', 'A'.repeat(3000)],
    ['a space', 'lw asha'],
    ['a key separator', 'referral#R1'],
    ['a NUL', 'lw\u0000'],
    ['non-ASCII', 'lw-åsha'],
    ['not a string', 42],
  ])('throws naming the field for an id that is %s', (_, id) => {
    const error = rejection(() => parseIdInput(id, 'input.practiceId'));

    expect(error.field).toBe('input.practiceId');
    expect(idInputProblem(id)).toBeDefined();
  });
});
