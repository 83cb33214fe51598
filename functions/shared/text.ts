import { ValidationError } from './errors';

/*
 * Free text typed by staff is shown on other people's screens, printed into SMS, CSV exports and logs. Threats:
 * - control characters: NUL truncates strings in C-based tools, ESC sequences repaint terminals, CR LF forges log lines
 *   and CSV rows, and a name with a line break breaks every one-line display;
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, "Trojan Source"): text that displays in a
 *   different order from the one it is stored in, so a reader sees something other than what was written;
 * - unpaired surrogates: not Unicode text at all; UTF-8 encoders replace or reject them, so what is stored is not
 *   what was sent.
 * Text is NFC-normalised so the same name typed on two keyboards (é as one code point or as e + accent) compares,
 * searches and sorts the same. Lengths count characters (code points), not UTF-16 units.
 */

/** General category Cc: the C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F). */
const CONTROL = /\p{Cc}/u;
/** The same without tab, line feed and carriage return (multi-line text folds CR LF and CR to LF). */
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** With the `u` flag, a surrogate matches only when it is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The longest text any field accepts at the API edge; each field has its own, smaller, limit in its context. */
export const EDGE_TEXT_MAX = 10_000;

/**
 * Why `text` may not be stored, in words fit for an error message (never quoting the text), or undefined when it is
 * fine. Checks characters only, not length. Multi-line text may hold tabs and line breaks (LF, CR LF, CR).
 */
export function textProblem(text: string, multiline = false): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it contains an unpaired surrogate)';
  if (multiline && CONTROL_EXCEPT_LINE_BREAKS.test(text)) {
    return 'must not contain control characters (line breaks and tabs are fine)';
  }
  if (!multiline && CONTROL.test(text)) return 'must be one line of text, without control characters or line breaks';
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional override or isolate characters';
  return undefined;
}

/** Length in characters (code points), so an emoji or a CJK extension character counts once. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export interface TextRule {
  /** Most characters, after normalising and trimming. */
  max: number;
  /** Notes, descriptions and addresses may span lines; names and codes may not (default false). */
  multiline?: boolean;
}

/**
 * Checked, normalised text: characters checked (see the module comment), NFC-normalised, CR LF and CR folded to LF in
 * multi-line text, surrounding white space trimmed, length limited. Returns '' for blank text.
 */
export function normaliseText(value: string, field: string, rule: TextRule): string {
  const problem = textProblem(value, rule.multiline ?? false);
  if (problem) throw new ValidationError(field, problem);
  let text = value.normalize('NFC');
  if (rule.multiline) text = text.replace(/\r\n?/g, '\n');
  text = text.trim();
  if (characterCount(text) > rule.max) throw new ValidationError(field, `must be at most ${rule.max} characters`);
  return text;
}

export interface TextOptions {
  /** Notes, descriptions and addresses may span lines; names and codes may not (default false). */
  multiline?: boolean;
}

/** Checked, normalised text of 1..max characters (see `normaliseText`), or a ValidationError naming `field`. */
export function requiredText(value: unknown, field: string, max: number, options: TextOptions = {}): string {
  if (value === undefined || value === null) throw new ValidationError(field, 'is required');
  if (typeof value !== 'string') throw new ValidationError(field, 'must be text');
  const text = normaliseText(value, field, { max, multiline: options.multiline ?? false });
  if (text === '') throw new ValidationError(field, 'must not be blank');
  return text;
}

/** Like `requiredText`, but absent, null or blank text gives `undefined` (the field is left out or cleared). */
export function optionalText(
  value: unknown,
  field: string,
  max: number,
  options: TextOptions = {},
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(field, 'must be text');
  const text = normaliseText(value, field, { max, multiline: options.multiline ?? false });
  return text === '' ? undefined : text;
}
