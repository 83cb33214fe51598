/*
 * GSM 03.38 (GSM-7) segment counting, so every text we send can be proved to fit in ONE segment (cost is per segment,
 * and areas ration SMS spend per patient). A text made only of the basic set fits 160 septets; the extension
 * characters `[]{}^\|~€` (and form feed) take two septets each; any other character (emoji, curly quotes, most
 * accented letters) makes the whole text UCS-2, where one segment holds 70 UTF-16 code units.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

export const GSM7_SINGLE_SEGMENT = 160;
export const GSM7_MULTIPART_SEGMENT = 153;
export const UCS2_SINGLE_SEGMENT = 70;
export const UCS2_MULTIPART_SEGMENT = 67;

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function isGsm7Char(char: string): boolean {
  return basicSet.has(char) || extensionSet.has(char);
}

/** True when every character of `text` is in the GSM-7 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!isGsm7Char(char)) return false;
  return true;
}

export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const char of text) units += extensionSet.has(char) ? 2 : 1;
    const segments = units <= GSM7_SINGLE_SEGMENT ? 1 : Math.ceil(units / GSM7_MULTIPART_SEGMENT);
    return { encoding: 'GSM-7', units, segments: Math.max(segments, 1) };
  }
  const units = text.length;
  const segments = units <= UCS2_SINGLE_SEGMENT ? 1 : Math.ceil(units / UCS2_MULTIPART_SEGMENT);
  return { encoding: 'UCS-2', units, segments: Math.max(segments, 1) };
}

/**
 * Makes free text (an organisation or person's name) safe to put in a text: characters outside the GSM-7 basic set
 * become close equivalents or are dropped, so one curly apostrophe can never turn a text into UCS-2.
 */
export function toGsm7Basic(text: string): string {
  const replaced = text
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/[–—‒―]/g, '-')
    .replace(/…/g, '...')
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .normalize('NFC');
  let out = '';
  for (const char of replaced) {
    if (basicSet.has(char) && char !== '\u001b' && char !== '\n' && char !== '\r') out += char;
    else {
      const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (stripped.length > 0 && [...stripped].every((c) => basicSet.has(c))) out += stripped;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
