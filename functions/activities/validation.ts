import { ValidationError } from '../shared/errors';
import { optionalText, requiredText } from '../shared/text';
import { ACTIVITY_CATEGORIES, type ActivityCategory, COST_KINDS, type CostKind } from './entities/activity';

/*
 * Pure checks and normalisation for directory input. Every failure is a ValidationError naming the input field
 * (`activity.postcode`, `startDate`), raised before anything is written. Free text goes through the shared kernel's
 * checks (functions/shared/text.ts); names, venue names and contact details are one line, the rest may span lines.
 */

export interface ActivityContact {
  name?: string;
  phone?: string;
  email?: string;
  website?: string;
}

export interface ActivityCost {
  kind: CostKind;
  /** Required for CHARGE ("£3 a session, concessions £1"); optional for FREE. */
  details?: string;
}

/** The describable part of an activity: what its creator types, and what an update may change. */
export interface ActivityDetails {
  name: string;
  description: string;
  category: ActivityCategory;
  venueName: string;
  venueAddress: string;
  postcode: string;
  scheduleText: string;
  contact: ActivityContact;
  cost: ActivityCost;
  capacity?: number;
  eligibility?: string;
  accessibility?: string;
  takesDirectReferrals: boolean;
}

/** Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA); `GIR 0AA` is the one historic exception. */
const POSTCODE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARACTERS = /^\+?[0-9 ()-]+$/;
const MULTILINE = { multiline: true } as const;

/** `ls1 4ap`, `LS14AP`, ` ls1  4AP ` → `LS1 4AP`. Throws ValidationError(field) unless it has a UK postcode's shape. */
export function normalisePostcode(input: unknown, field = 'postcode'): string {
  if (typeof input !== 'string') throw new ValidationError(field, 'postcode must be a string');
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === '') throw new ValidationError(field, 'postcode is required');
  if (!POSTCODE.test(compact)) throw new ValidationError(field, 'must be a UK postcode, e.g. LS1 4AP');
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A real calendar date written `YYYY-MM-DD`. Returns it unchanged. */
export function parseIsoDate(input: unknown, field: string): string {
  const match = typeof input === 'string' ? ISO_DATE.exec(input) : null;
  if (!match) throw new ValidationError(field, 'must be a date written YYYY-MM-DD');
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new ValidationError(field, 'is not a calendar date');
  }
  return input as string;
}

function parseContact(input: unknown, field: string): ActivityContact {
  if (typeof input !== 'object' || input === null) throw new ValidationError(field, 'is required');
  const raw = input as Record<string, unknown>;
  const contact: ActivityContact = {};
  const name = optionalText(raw.name, `${field}.name`, 200);
  if (name) contact.name = name;
  const phone = optionalText(raw.phone, `${field}.phone`, 30);
  if (phone) {
    const digits = phone.replace(/[^0-9]/g, '');
    if (!PHONE_CHARACTERS.test(phone) || digits.length < 10 || digits.length > 13) {
      throw new ValidationError(`${field}.phone`, 'must be a telephone number, e.g. 0113 496 0000');
    }
    contact.phone = phone;
  }
  const email = optionalText(raw.email, `${field}.email`, 254);
  if (email) {
    if (!EMAIL.test(email)) throw new ValidationError(`${field}.email`, 'must be an e-mail address');
    contact.email = email.toLowerCase();
  }
  const website = optionalText(raw.website, `${field}.website`, 500);
  if (website) {
    let url: URL | undefined;
    try {
      url = new URL(website);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new ValidationError(`${field}.website`, 'must be a web address starting https://');
    }
    contact.website = website;
  }
  if (!contact.phone && !contact.email && !contact.website) {
    throw new ValidationError(field, 'needs at least one way to get in touch: phone, e-mail or website');
  }
  return contact;
}

function parseCost(input: unknown, field: string): ActivityCost {
  if (typeof input !== 'object' || input === null) throw new ValidationError(field, 'is required');
  const raw = input as Record<string, unknown>;
  if (!COST_KINDS.includes(raw.kind as CostKind)) {
    throw new ValidationError(`${field}.kind`, `must be one of ${COST_KINDS.join(', ')}`);
  }
  const kind = raw.kind as CostKind;
  const details = optionalText(raw.details, `${field}.details`, 300, MULTILINE);
  if (kind === 'CHARGE' && !details) throw new ValidationError(`${field}.details`, 'must say what it costs');
  return details ? { kind, details } : { kind };
}

function parseCapacity(input: unknown, field: string): number | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'number' || !Number.isInteger(input) || input < 1 || input > 100_000) {
    throw new ValidationError(field, 'must be a whole number of places, at least 1');
  }
  return input;
}

/**
 * Checks and normalises a complete set of activity details (on create, and on update after merging the changes into
 * the stored activity). `prefix` names the input object in error fields: `activity.postcode`.
 */
export function parseActivityDetails(input: Record<string, unknown>, prefix = 'activity'): ActivityDetails {
  const field = (name: string) => `${prefix}.${name}`;
  if (!ACTIVITY_CATEGORIES.includes(input.category as ActivityCategory)) {
    throw new ValidationError(field('category'), `must be one of ${ACTIVITY_CATEGORIES.join(', ')}`);
  }
  if (typeof input.takesDirectReferrals !== 'boolean') {
    throw new ValidationError(field('takesDirectReferrals'), 'must be true or false');
  }
  const details: ActivityDetails = {
    name: requiredText(input.name, field('name'), 200),
    description: requiredText(input.description, field('description'), 4000, MULTILINE),
    category: input.category as ActivityCategory,
    venueName: requiredText(input.venueName, field('venueName'), 200),
    venueAddress: requiredText(input.venueAddress, field('venueAddress'), 500, MULTILINE),
    postcode: normalisePostcode(input.postcode, field('postcode')),
    scheduleText: requiredText(input.scheduleText, field('scheduleText'), 1000, MULTILINE),
    contact: parseContact(input.contact, field('contact')),
    cost: parseCost(input.cost, field('cost')),
    takesDirectReferrals: input.takesDirectReferrals,
  };
  const capacity = parseCapacity(input.capacity, field('capacity'));
  if (capacity !== undefined) details.capacity = capacity;
  const eligibility = optionalText(input.eligibility, field('eligibility'), 2000, MULTILINE);
  if (eligibility !== undefined) details.eligibility = eligibility;
  const accessibility = optionalText(input.accessibility, field('accessibility'), 2000, MULTILINE);
  if (accessibility !== undefined) details.accessibility = accessibility;
  return details;
}

/** What the directory's text search matches against: name, description and venue, lower-cased. */
export function searchTextOf(
  details: Pick<ActivityDetails, 'name' | 'description' | 'venueName' | 'venueAddress' | 'postcode'>,
): string {
  return [details.name, details.description, details.venueName, details.venueAddress, details.postcode]
    .join('\n')
    .toLowerCase();
}
