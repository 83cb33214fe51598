/*
 * Input an attacker sends to get stored text that misleads a reader or breaks a tool downstream (see
 * functions/shared/text.ts for why each is refused). Shared by the unit tests of the text rules and the generated
 * security tests, so both try the same set.
 */

/** Characters no one-line text (a name, an id, a code) may hold, each with a label for test titles. */
export const HOSTILE_CHARACTERS: readonly (readonly [label: string, text: string])[] = [
  ['NUL', '\u0000'],
  ['ESC sequence', '\u001b[2J'],
  ['CR LF', '\r\n'],
  ['line feed', '\n'],
  ['tab', '\t'],
  ['DEL', '\u007f'],
  ['C1 control (NEL)', '\u0085'],
  ['right-to-left override U+202E', '\u202e'],
  ['left-to-right embedding U+202A', '\u202a'],
  ['first strong isolate U+2068', '\u2068'],
  ['pop directional isolate U+2069', '\u2069'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udc00'],
];

/** Line breaks and tabs: fine in multi-line text (notes), refused in one-line text. */
const LINE_BREAKS = new Set(['CR LF', 'line feed', 'tab']);

/** The characters that no text at all may hold, multi-line or not. */
export const HOSTILE_IN_ANY_TEXT = HOSTILE_CHARACTERS.filter(([label]) => !LINE_BREAKS.has(label));
