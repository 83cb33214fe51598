import type { QuestionDefinition } from './questionnaires';

/*
 * Lenient reading of a texted answer. People reply `3`, ` 3 `, `3.`, `three`, `7/10`, `7 out of 10`, `Never`. A reply is
 * accepted only when it names exactly one valid value; anything doubtful is unreadable (we re-ask once rather than
 * guess, because a wrong score is worse than a missing one).
 */

export type ParsedAnswer = { ok: true; value: number; option?: string } | { ok: false };

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

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/^[\s"'([]+|[\s"')\].,!?;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function numberToken(token: string): number | undefined {
  if (/^\d{1,3}$/.test(token)) return Number(token);
  if (/^\d{1,3}\.0+$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

/** `7`, `seven`, `7/10`, `7 out of 10`, `7 of 10`: the number, when the denominator (if any) is the scale maximum. */
function readNumber(text: string, max: number): number | undefined {
  const fraction = /^([a-z0-9.]+)\s*(?:\/|out of|of)\s*([a-z0-9]+)$/.exec(text);
  if (fraction) {
    const denominator = numberToken(fraction[2]);
    if (denominator !== max) return undefined;
    return numberToken(fraction[1]);
  }
  return numberToken(text);
}

export function parseAnswer(question: QuestionDefinition, raw: string): ParsedAnswer {
  if (typeof raw !== 'string' || raw.length > 200) return { ok: false };
  const text = normalise(raw);
  if (text === '') return { ok: false };
  const response = question.response;
  if (response.kind === 'scale') {
    const value = readNumber(text, response.max);
    if (value === undefined || value < response.min || value > response.max) return { ok: false };
    return { ok: true, value };
  }
  const max = Math.max(...response.options.map((option) => option.value));
  const value = readNumber(text, max);
  const byNumber = response.options.find((option) => option.value === value);
  if (byNumber) return { ok: true, value: byNumber.value, option: byNumber.label };
  const words = text.replace(/[.,!]/g, '').replace(/\s+/g, ' ');
  const byWords = response.options.find(
    (option) => option.label.toLowerCase() === words || option.aliases.includes(words),
  );
  if (byWords) return { ok: true, value: byWords.value, option: byWords.label };
  return { ok: false };
}
