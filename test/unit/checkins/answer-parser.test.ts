import fc from 'fast-check';
import { parseAnswer } from '../../../functions/checkins/answer-parser';
import { defaultCatalogue } from '../../../functions/checkins/questionnaires';

const happiness = defaultCatalogue.get('ONS4.happiness');
const lonely = defaultCatalogue.get('ONS_LONELINESS.lonely');
const ucla = defaultCatalogue.get('UCLA3.companionship');
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const padding = fc.constantFrom('', ' ', '  ', '\n', '\t');
const trailing = fc.constantFrom('', '.', '!', ' .', ',');

describe('parseAnswer', () => {
  it.each([
    ['3', 3],
    [' 3 ', 3],
    ['3.', 3],
    ['three', 3],
    ['Three!', 3],
    ['7/10', 7],
    ['7 / 10', 7],
    ['7 out of 10', 7],
    ['10', 10],
    ['0', 0],
    ['none', 0],
  ])('returns the score for %j on a 0–10 scale', (text, value) => {
    expect(parseAnswer(happiness, text)).toEqual({ ok: true, value });
  });

  it.each(['11', '-1', '3 or 4', '7/5', '3.5', 'fine thanks', '', '   ', '34', 'about 5'])(
    'returns unreadable for %j on a 0–10 scale',
    (text) => {
      expect(parseAnswer(happiness, text)).toEqual({ ok: false });
    },
  );

  it.each([
    ['1', 1, 'Often/always'],
    ['Often', 1, 'Often/always'],
    ['often/always', 1, 'Often/always'],
    ['some of the time', 2, 'Some of the time'],
    ['Occasionally.', 3, 'Occasionally'],
    ['hardly ever', 4, 'Hardly ever'],
    ['never', 5, 'Never'],
    ['NEVER', 5, 'Never'],
    ['five', 5, 'Never'],
  ])('returns value and canonical option for %j (ONS loneliness)', (text, value, option) => {
    expect(parseAnswer(lonely, text)).toEqual({ ok: true, value, option });
  });

  it('reads "never" as 1 on UCLA-3, where it means "Hardly ever or never"', () => {
    expect(parseAnswer(ucla, 'never')).toEqual({ ok: true, value: 1, option: 'Hardly ever or never' });
    expect(parseAnswer(ucla, '4')).toEqual({ ok: false });
  });

  it('returns every in-range score, written as digits or a word, with any padding (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.boolean(), padding, trailing, padding, (n, word, a, t, b) => {
        const text = `${a}${word ? WORDS[n] : String(n)}${t}${b}`;
        expect(parseAnswer(happiness, text)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('returns unreadable for every out-of-range integer (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }).filter((n) => n < 0 || n > 10),
        (n) => {
          expect(parseAnswer(happiness, String(n))).toEqual({ ok: false });
        },
      ),
    );
  });

  it('never throws and only ever returns a valid value, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const question of [happiness, lonely, ucla]) {
          const parsed = parseAnswer(question, text);
          if (parsed.ok) {
            const valid =
              question.response.kind === 'scale'
                ? parsed.value >= question.response.min && parsed.value <= question.response.max
                : question.response.options.some((option) => option.value === parsed.value);
            expect(valid).toBe(true);
          }
        }
      }),
    );
  });

  it('returns the option for every ONS loneliness reply 1–5, as "n/5" too (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), padding, (n, a) => {
        expect(parseAnswer(lonely, `${a}${n}/5`)).toMatchObject({ ok: true, value: n });
      }),
    );
  });
});
