/*
 * The fixed vocabularies of the referrals context. Entities, use cases and the GraphQL schema all take their values
 * from here, so a value cannot be accepted in one place and refused in another.
 */

/** Sex as recorded by the GP system (NHS Data Dictionary "person stated gender" simplified to a fixed set). */
export const SEXES = ['FEMALE', 'MALE', 'INTERSEX', 'NOT_KNOWN', 'NOT_STATED'] as const;
export type Sex = (typeof SEXES)[number];

/** Whether the person agreed to SMS check-ins. An opt-out (STOP) is honoured at once and recorded. */
export const SMS_CONSENT_STATES = ['GIVEN', 'NOT_ASKED', 'REFUSED', 'OPTED_OUT'] as const;
export type SmsConsentState = (typeof SMS_CONSENT_STATES)[number];

export const REFERRAL_SOURCES = [
  'GP',
  'PRACTICE_NURSE',
  'OTHER_CLINICIAN',
  'SELF',
  'SOCIAL_CARE',
  'VOLUNTARY_SECTOR',
  'OTHER',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const NEEDS = [
  'LONELINESS_ISOLATION',
  'LOW_MOOD_ANXIETY',
  'BEREAVEMENT',
  'PHYSICAL_INACTIVITY',
  'LONG_TERM_CONDITION',
  'MONEY_DEBT',
  'HOUSING',
  'CARER_SUPPORT',
  'OTHER',
] as const;
export type Need = (typeof NEEDS)[number];

export const REFERRAL_STATUSES = [
  'RECEIVED',
  'CONTACTED',
  'ACCEPTED',
  'ACTIVE',
  'CLOSED',
  'DECLINED',
  'UNABLE_TO_CONTACT',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The caseload bucket: open referrals are worked, closed ones kept for the record. */
export const CASE_STATES = ['OPEN', 'CLOSED'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const GOAL_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const REFERRAL_EVENT_KINDS = ['RECEIVED', 'ASSIGNED', 'STATUS_CHANGED'] as const;
export type ReferralEventKind = (typeof REFERRAL_EVENT_KINDS)[number];

/** Why the system, not a person's choice on the referral itself, moved it: the fact in another context that did. */
export const REFERRAL_EVENT_CAUSES = ['FIRST_ATTENDANCE'] as const;
export type ReferralEventCause = (typeof REFERRAL_EVENT_CAUSES)[number];

/**
 * A concern's lifecycle: raised OPEN (nobody has looked yet; counts towards the unacknowledged-concern alarm),
 * ACKNOWLEDGED by a named person who is dealing with it, RESOLVED by a named person with the action taken.
 */
export const CONCERN_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** What raised a concern: words on the reviewed worrying-reply list, or an answer in a band marked as a concern. */
export const CONCERN_REASONS = ['WORRYING_TEXT', 'CONCERN_ANSWER'] as const;
export type ConcernReason = (typeof CONCERN_REASONS)[number];

/** What the person resolving a concern did about it (the note says more). */
export const CONCERN_ACTIONS = [
  'CONTACTED_PERSON',
  'ARRANGED_URGENT_HELP',
  'INFORMED_GP',
  'SAFEGUARDING_REFERRAL',
  'NO_FURTHER_ACTION',
  'OTHER',
] as const;
export type ConcernAction = (typeof CONCERN_ACTIONS)[number];

/** Age at referral, kept after erasure instead of the date of birth so figures by age survive. */
export const AGE_BANDS = ['UNDER_18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** SNOMED CT concepts recorded on referral events (PRSB Social Prescribing Information Standard). */
export const SNOMED = {
  /** Referral to social prescribing service: recorded once, when the person accepts. */
  referralToSocialPrescribing: '871731000000106',
  /** Social prescribing declined. */
  socialPrescribingDeclined: '871711000000103',
} as const;

/** Sort-key stand-in for "no date": `~` sorts after every ISO time, so undated referrals come last. */
export const NO_DATE_SORT = '~';

/** The value of a `…Sort` helper attribute for an optional ISO time. */
export function sortValue(iso: string | undefined | null): string {
  return iso ?? NO_DATE_SORT;
}

/** The caseload owner of an unassigned referral: the PCN's queue. */
export function unassignedOwner(pcnId: string): string {
  return `unassigned-${pcnId}`;
}

export function caseloadOwnerOf(referral: { linkWorkerId?: string; pcnId: string }): string {
  return referral.linkWorkerId ?? unassignedOwner(referral.pcnId);
}

/** The age band of someone born on `dateOfBirth` (YYYY-MM-DD) at the instant `at`, computed in UTC. */
export function ageBandAt(dateOfBirth: string, at: Date): AgeBand {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - year;
  const beforeBirthday = at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  if (age < 18) return 'UNDER_18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  if (age < 75) return '65-74';
  return '75+';
}
