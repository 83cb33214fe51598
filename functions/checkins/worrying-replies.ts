/*
 * THE reviewed list of words and phrases that make a reply "worrying" (docs/clinical-safety.md, hazard H3).
 * Any change to this file needs clinical safety officer review: it decides whether a patient gets crisis signposting at
 * once and whether their link worker sees a concern flag. We deliberately over-match: a false alarm costs a link worker a
 * few minutes; a missed one may cost a life. Matching ignores case, punctuation and repeated spaces, on word boundaries.
 */
export const WORRYING_PHRASES: readonly string[] = [
  // self-harm and suicide
  'suicide',
  'suicidal',
  'kill myself',
  'killing myself',
  'end my life',
  'end it all',
  'take my life',
  'want to die',
  'wanna die',
  'better off dead',
  'no reason to live',
  'dont want to live',
  'do not want to live',
  'dont want to be here',
  'self harm',
  'selfharm',
  'harm myself',
  'hurt myself',
  'hurting myself',
  'cut myself',
  'cutting myself',
  'overdose',
  // abuse and safety
  'abuse',
  'abused',
  'abusing',
  'abusive',
  'hits me',
  'hit me',
  'hurts me',
  'beats me',
  'not safe',
  'unsafe',
  'scared of him',
  'scared of her',
  'domestic violence',
  // crisis and asking for contact
  'crisis',
  'emergency',
  'desperate',
  'cant cope',
  'can not cope',
  'cannot cope',
  'help me',
  'call me',
  'ring me',
  'phone me',
  'please call',
  'please ring',
];

function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[‘’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

const NORMALISED = WORRYING_PHRASES.map((phrase) => ` ${normalise(phrase).trim()} `);

/** True when the reply contains any reviewed phrase. Never logs or returns the text. */
export function isWorryingReply(text: string): boolean {
  const haystack = normalise(text);
  return NORMALISED.some((phrase) => haystack.includes(phrase));
}
