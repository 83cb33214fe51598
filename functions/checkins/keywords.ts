/*
 * Keyword replies. The carrier-standard opt-out words are honoured whatever the case or spacing (`stop`, ` Stop. `,
 * `OPT OUT`), and also when the text starts with an unambiguous opt-out word (`Stop texting me`). END, CANCEL and QUIT
 * only count as the whole reply, since they also start ordinary sentences.
 */
export const STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT'] as const;
export const START_WORDS = ['START', 'UNSTOP'] as const;
export const HELP_WORDS = ['HELP', 'INFO'] as const;

const UNAMBIGUOUS_LEADING_STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'OPTOUT']);

export type Keyword = 'STOP' | 'START' | 'HELP';

export function keywordOf(text: string): Keyword | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z]/g, '');
  if ((STOP_WORDS as readonly string[]).includes(compact)) return 'STOP';
  if ((START_WORDS as readonly string[]).includes(compact)) return 'START';
  if ((HELP_WORDS as readonly string[]).includes(compact)) return 'HELP';
  const firstWord =
    text
      .trim()
      .split(/\s+/)[0]
      ?.toUpperCase()
      .replace(/[^A-Z]/g, '') ?? '';
  if (UNAMBIGUOUS_LEADING_STOP.has(firstWord)) return 'STOP';
  return undefined;
}
