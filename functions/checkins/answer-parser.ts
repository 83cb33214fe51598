import type { QuestionDefinition, ResponseOption } from './questionnaires';

/*
 * Reading a texted answer (hazard H8 in docs/clinical-safety.md). A wrong score is worse than a missing one: a missing
 * answer is re-asked once and then left blank, while a wrong one quietly enters the care record and the outcome
 * figures. So a reply is recorded only when it names exactly one valid value and every other word in it is one we know
 * adds nothing: courtesy ("thanks", "ok", "x") or a hedge ("about", "I think"). People write `3 thanks`,
 * `Thanks, 2`, `6 I think`, `about 6`, `7 x`, `ok 5`, `seven`, `7/10`, `7 out of 10`, `Never`.
 *
 * Re-asked, because the value is not certain:
 * - two numbers (`5 or 6`, `5-6`, `between 4 and 6`, `6 yesterday 2 today`), even the same one twice;
 * - any word we do not know, which is how a negation (`not 5`, `no 5`), a comparison (`less than 5`, `almost 6`)
 *   or a story around the number (`6 but it was a bad week`) is caught: this is an allow-list, never a block-list;
 * - decimals (`7.5`), signs (`-1`, `7+`), and a fraction whose denominator is not the scale's maximum (`6/7`).
 * A hedge does not make an answer doubtful enough to re-ask: "about 6" is the patient's own best estimate, which is
 * what a self-reported wellbeing scale records; asking again would get the same 6 with more annoyance.
 *
 * For option questions (ONS loneliness, UCLA-3), an option's words are read as well as its number, with the same
 * courtesy and hedge words around them (`Never thanks`, `sometimes I think`); a number with its own option's words
 * (`2 some of the time`, as the reply hint shows it) is that option; a number with another option's words is re-asked.
 */

export type ParsedAnswer = { ok: true; value: number; option?: string } | { ok: false };

/** Words of politeness and sign-off that add nothing to an answer. Lower case, apostrophes removed. */
export const COURTESY_WORDS: readonly string[] = [
  'thanks',
  'thank',
  'thankyou',
  'you',
  'thx',
  'ty',
  'ta',
  'cheers',
  'many',
  'much',
  'very',
  'so',
  'please',
  'pls',
  'plz',
  'ok',
  'okay',
  'k',
  'yes',
  'yeah',
  'yep',
  'hi',
  'hello',
  'hiya',
  'hey',
  'dear',
  'x',
  'xx',
  'xxx',
  'love',
  'regards',
  'kind',
  'best',
  'my',
  'answer',
  'reply',
  'score',
  'is',
  'its',
  'it',
  'a',
];

/** Words that soften a number without changing it: the patient's own best estimate is still the answer. */
export const HEDGE_WORDS: readonly string[] = [
  'about',
  'around',
  'roughly',
  'approx',
  'approximately',
  'maybe',
  'perhaps',
  'probably',
  'i',
  'think',
  'guess',
  'reckon',
  'would',
  'say',
  'id',
  'im',
  'ish',
  'was',
  'be',
  'feel',
  'felt',
  'like',
  'um',
  'umm',
  'er',
  'erm',
  'hmm',
  'well',
];

const FILLER = new Set([...COURTESY_WORDS, ...HEDGE_WORDS]);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  nought: 0,
  none: 0,
  nil: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** A token that names a number: its value, or NaN when it is a number we will not read (`7.5`). */
function numberValue(token: string): number | undefined {
  if (/^\d+(?:\.0+)?$/.test(token)) return Number.parseInt(token, 10);
  if (/^\d*\.\d+$/.test(token)) return Number.NaN;
  return NUMBER_WORDS[token];
}

/**
 * Lower case words, numbers and the symbols that change a number's meaning (`/`, `+`, `<`, `>`, `=`, `%`, `&`), each
 * its own token. Apostrophes are dropped (`I'd` → `id`); other punctuation, dashes and emoji only separate tokens.
 * `6ish` is `6 ish`.
 */
function tokenise(raw: string): string[] {
  const text = raw
    .toLowerCase()
    .normalize('NFKC')
    .replace(/['‘’`´]/g, '')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/~/g, ' about ')
    .replace(/(\d)ish\b/g, '$1 ish')
    // A minus sign is a word of its own, so `-1` is never read as 1; any other dash only separates (`5-6` is two
    // numbers, `Thanks - 6` is 6).
    .replace(/(?<![a-z0-9])-(?=\d)/g, ' minus ')
    .replace(/-/g, ' ')
    .replace(/([/+<>=%&])/g, ' $1 ')
    // A full stop ends a sentence (`3.`, `Thanks.7`) but is kept in a decimal (`7.5`, `.5`), which is then unreadable
    // rather than read as 7 or 5.
    .replace(/(?<=[a-z])\.|\.(?!\d)/g, ' ')
    .replace(/[^a-z0-9./+<>=%&]+/g, ' ')
    .trim();
  return text === '' ? [] : text.split(' ');
}

type Token = { kind: 'number'; value: number } | { kind: 'word'; word: string };

/**
 * Folds `7/10`, `7 out of 10` and `7 of 10` into one number when the denominator is the scale's maximum, and into an
 * unreadable number (NaN) otherwise (`6/7` may mean "6 or 7").
 */
function readTokens(words: readonly string[], max: number): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = numberValue(words[i]);
    if (value === undefined) {
      tokens.push({ kind: 'word', word: words[i] });
      continue;
    }
    const rest = words.slice(i + 1, i + 4);
    const over = rest[0] === '/' || rest[0] === 'of' ? 1 : rest[0] === 'out' && rest[1] === 'of' ? 2 : 0;
    const denominator = over ? numberValue(rest[over] ?? '') : undefined;
    if (over && denominator !== undefined) {
      tokens.push({ kind: 'number', value: denominator === max ? value : Number.NaN });
      i += over + 1;
    } else {
      tokens.push({ kind: 'number', value });
    }
  }
  return tokens;
}

type WordToken = Extract<Token, { kind: 'word' }>;
type NumberToken = Extract<Token, { kind: 'number' }>;

/** `Often/always` → `often / always`: an option's label or alias written as `tokenise` writes the same words in a reply. */
function optionPhrase(text: string): string {
  return tokenise(text).join(' ');
}

/**
 * The option the reply's words name: all its words (so an alias may hold a courtesy word, e.g. "a lot"), or its words
 * with courtesy and hedge words taken out (`never thanks`).
 */
function optionByWords(options: readonly ResponseOption[], words: readonly WordToken[]): ResponseOption | undefined {
  const all = words.map((token) => token.word).join(' ');
  const meaningful = meaningfulPhrase(words);
  for (const phrase of [all, meaningful]) {
    if (phrase === '') continue;
    const option = options.find((each) => [each.label, ...each.aliases].some((text) => optionPhrase(text) === phrase));
    if (option) return option;
  }
  return undefined;
}

/** The words with courtesy and hedge words taken out, joined by single spaces. */
function meaningfulPhrase(words: readonly WordToken[]): string {
  return words
    .filter((token) => !FILLER.has(token.word))
    .map((token) => token.word)
    .join(' ');
}

export function parseAnswer(question: QuestionDefinition, raw: string): ParsedAnswer {
  if (typeof raw !== 'string' || raw.length > 200) return { ok: false };
  const response = question.response;
  const max = response.kind === 'scale' ? response.max : Math.max(...response.options.map((option) => option.value));
  const tokens = readTokens(tokenise(raw), max);
  const numbers = tokens.filter((token): token is NumberToken => token.kind === 'number');
  const words = tokens.filter((token): token is WordToken => token.kind === 'word');

  if (response.kind === 'scale') {
    if (numbers.length !== 1 || meaningfulPhrase(words) !== '') return { ok: false };
    const value = numbers[0].value;
    if (!Number.isInteger(value) || value < response.min || value > response.max) return { ok: false };
    return { ok: true, value };
  }

  const byWords = optionByWords(response.options, words);
  if (numbers.length === 0) {
    return byWords ? { ok: true, value: byWords.value, option: byWords.label } : { ok: false };
  }
  if (numbers.length !== 1) return { ok: false };
  const byNumber = response.options.find((option) => option.value === numbers[0].value);
  // A number alone, or with its own option's words (`2 some of the time`); never with other words or another option's.
  if (!byNumber || (meaningfulPhrase(words) !== '' && byWords !== byNumber)) return { ok: false };
  return { ok: true, value: byNumber.value, option: byNumber.label };
}
