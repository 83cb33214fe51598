/*
 * The UK nation a practice is in. Bank holidays differ by nation, so a routine text's sending window needs it.
 * The codes are date-holidays' subdivisions of GB: England, Wales, Scotland, Northern Ireland.
 *
 * Kept apart from the sending window so that code which only names a nation (use cases, the GraphQL function) does
 * not bundle the holiday calendars.
 */

export const UK_NATIONS = ['ENG', 'WLS', 'SCT', 'NIR'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

/**
 * The nation of an ICB registered without one, and of any organisation or check-in recorded before nations were:
 * ICBs and PCNs exist only in England. ODS codes do not tell the nation reliably (practice codes carry no structure by
 * design), so the nation is recorded on the ICB (`registerOrganisation`), inherited by its PCNs and practices, and
 * copied onto each check-in when it is scheduled.
 */
export const DEFAULT_NATION: UkNation = 'ENG';

export function isUkNation(value: unknown): value is UkNation {
  return (UK_NATIONS as readonly unknown[]).includes(value);
}
