import fc from 'fast-check';
import { COURTESY_WORDS, HEDGE_WORDS, parseAnswer } from '../../../functions/checkins/answer-parser';
import {
  defaultCatalogue,
  type OptionsResponse,
  type QuestionDefinition,
} from '../../../functions/checkins/questionnaires';

const happiness = defaultCatalogue.get('ONS4.happiness');
const lonely = defaultCatalogue.get('ONS_LONELINESS.lonely');
const ucla = defaultCatalogue.get('UCLA3.companionship');
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const padding = fc.constantFrom('', ' ', '  ', '\n', '\t');
const trailing = fc.constantFrom('', '.', '!', ' .', ',');
/** What people put between words: a space, punctuation with or without one, a line break. */
const separator = fc.constantFrom(' ', '  ', ', ', ',', '. ', '.', '! ', '\n', ' - ');
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.charAt(0).toUpperCase() + s.slice(1),
);
/** 0–3 courtesy or hedge words, as they are written in a text (`I'd` with its apostrophe). */
const fillerWords = fc.array(
  fc.constantFrom(...COURTESY_WORDS, ...HEDGE_WORDS, "I'd", "it's", "I'm", 'thank you', 'many thanks'),
  { maxLength: 3 },
);
/** `n` as a person writes it: digits, or the word for 0–10. */
const written = (n: number) => (n <= 10 ? fc.constantFrom(String(n), WORDS[n]) : fc.constant(String(n)));

/** `parts` joined by random separators, with random casing per part. */
function sentence(parts: readonly string[]) {
  return fc
    .tuple(
      fc.array(separator, { minLength: parts.length, maxLength: parts.length }),
      fc.array(casing, { minLength: parts.length, maxLength: parts.length }),
    )
    .map(([seps, cases]) =>
      parts
        .map((part, i) => cases[i](part))
        .reduce((text, part, i) => (i === 0 ? part : `${text}${seps[i]}${part}`), ''),
    );
}

function isValidFor(question: QuestionDefinition, value: number): boolean {
  return question.response.kind === 'scale'
    ? value >= question.response.min && value <= question.response.max
    : question.response.options.some((option) => option.value === value);
}

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
    ['seven out of ten', 7],
    ['10', 10],
    ['0', 0],
    ['none', 0],
    ['3.0', 3],
    ['3 thanks', 3],
    ['Thanks, 2', 2],
    ['Thanks.2', 2],
    ['6 I think', 6],
    ['about 6', 6],
    ['~6', 6],
    ['6ish', 6],
    ['7 x', 7],
    ['ok 5', 5],
    ["I'd say 6", 6],
    ["It's a 6, thank you xx", 6],
    ['Hi, my answer is 4. Many thanks', 4],
    ['Probably 8 thanks 😊', 8],
    ['Yes 5 thanks', 5],
  ])('returns the score for %j on a 0–10 scale', (text, value) => {
    expect(parseAnswer(happiness, text)).toEqual({ ok: true, value });
  });

  it.each([
    ['11', 'out of range'],
    ['-1', 'negative'],
    ['thanks,-1', 'negative'],
    ['34', 'out of range'],
    ['3.5', 'a decimal'],
    ['7.5 thanks', 'a decimal'],
    ['.5', 'a decimal'],
    ['7,5', 'two numbers (a European decimal)'],
    ['7/5', 'a denominator that is not the maximum'],
    ['6/7', 'a denominator that is not the maximum'],
    ['3 or 4', 'a choice of two'],
    ['5 or 6', 'a choice of two'],
    ['5-6', 'a range'],
    ['5 - 6', 'a range'],
    ['5 to 6', 'a range'],
    ['between 4 and 6', 'a range'],
    ['5 5', 'two numbers'],
    ['6 yesterday, 2 today', 'two numbers'],
    ['not 5', 'a negation'],
    ['no 5', 'a negation'],
    ["wasn't 5", 'a negation'],
    ['less than 5', 'a comparison'],
    ['almost 6', 'a comparison'],
    ['7+', 'a comparison'],
    ['50%', 'a percentage'],
    ['6 but it was a bad week', 'a story around the number'],
    ['5th', 'not a number'],
    ['fine thanks', 'no number'],
    ['thanks', 'no number'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('returns unreadable for %j on a 0–10 scale (%s)', (text) => {
    expect(parseAnswer(happiness, text)).toEqual({ ok: false });
  });

  it.each([
    ['1', 1, 'Often/always'],
    ['Often', 1, 'Often/always'],
    ['often/always', 1, 'Often/always'],
    ['Often / always', 1, 'Often/always'],
    ['some of the time', 2, 'Some of the time'],
    ['sometimes I think', 2, 'Some of the time'],
    ['2 Some of the time', 2, 'Some of the time'],
    ['Occasionally.', 3, 'Occasionally'],
    ['hardly ever', 4, 'Hardly ever'],
    ['hardly ever x', 4, 'Hardly ever'],
    ['never', 5, 'Never'],
    ['NEVER', 5, 'Never'],
    ['Never thanks', 5, 'Never'],
    ['not at all', 5, 'Never'],
    ['five', 5, 'Never'],
    ['5/5', 5, 'Never'],
    ['4 thanks', 4, 'Hardly ever'],
  ])('returns value and canonical option for %j (ONS loneliness)', (text, value, option) => {
    expect(parseAnswer(lonely, text)).toEqual({ ok: true, value, option });
  });

  it.each([
    ['3 sometimes', "a number with another option's words"],
    ['2 or 3', 'two numbers'],
    ['not often', 'a negation'],
    ['6', 'no such option'],
    ['sometimes never', 'two options'],
  ])('returns unreadable for %j (ONS loneliness: %s)', (text) => {
    expect(parseAnswer(lonely, text)).toEqual({ ok: false });
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

  it('returns the score for any in-range number wrapped in any courtesy or hedge words (property)', () => {
    const reply = fc
      .tuple(fc.integer({ min: 0, max: 10 }), fillerWords, fillerWords)
      .chain(([n, before, after]) =>
        written(n).chain((number) => sentence([...before, number, ...after]).map((text) => ({ n, text }))),
      );
    fc.assert(
      fc.property(reply, ({ n, text }) => {
        expect(parseAnswer(happiness, text)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('returns unreadable for any two distinct numbers, however joined and wrapped (property)', () => {
    // `/`, `of` and `out of` are left out: `7/10` is one score written as a fraction, not two numbers.
    const connector = fc.constantFrom(' ', ' or ', '-', ' - ', ' to ', ' and ', ', ', ' maybe ', ' x ');
    const reply = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), connector, fillerWords, fillerWords)
      .filter(([a, b]) => a !== b)
      .chain(([a, b, join, before, after]) =>
        fc
          .tuple(written(a), written(b), fc.boolean())
          .chain(([first, second, between]) =>
            sentence([...before, between ? `between ${first} and ${second}` : `${first}${join}${second}`, ...after]),
          ),
      );
    fc.assert(
      fc.property(reply, (text) => {
        for (const question of [happiness, lonely, ucla]) expect(parseAnswer(question, text)).toEqual({ ok: false });
      }),
    );
  });

  it('returns unreadable for any in-range number with a negation or comparison (property)', () => {
    const negation = fc.constantFrom(
      'not',
      'no',
      "isn't",
      "wasn't",
      "don't",
      'less than',
      'more than',
      'almost',
      'nearly',
      'under',
      'over',
      'at least',
    );
    const reply = fc
      .tuple(fc.integer({ min: 0, max: 10 }), negation, fillerWords, fillerWords)
      .chain(([n, not, before, after]) => written(n).chain((number) => sentence([...before, not, number, ...after])));
    fc.assert(
      fc.property(reply, (text) => {
        expect(parseAnswer(happiness, text)).toEqual({ ok: false });
      }),
    );
  });

  it("returns the option for any option's words wrapped in courtesy or hedge words (property)", () => {
    const reply = fc.constantFrom(lonely, ucla).chain((question) => {
      const options = (question.response as OptionsResponse).options;
      return fc.tuple(fc.constantFrom(...options), fillerWords, fillerWords).chain(([option, before, after]) =>
        fc
          .constantFrom(option.label, ...option.aliases)
          .chain((words) => sentence([...before, words, ...after]))
          .map((text) => ({ question, option, text })),
      );
    });
    fc.assert(
      fc.property(reply, ({ question, option, text }) => {
        expect(parseAnswer(question, text)).toEqual({ ok: true, value: option.value, option: option.label });
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
          if (parsed.ok) expect(isValidFor(question, parsed.value)).toBe(true);
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
