import { ACTIVITY_CATEGORIES } from '../activities';
import { AGE_BANDS, NEEDS, REFERRAL_SOURCES, SEXES } from '../referrals';

/*
 * The fixed vocabulary of commissioners' figures: scopes, breakdowns (dimensions) and their groups, waves and metric
 * names. Figures exist only for these breakdowns, one dimension at a time (no cross-tabulation), and every group of a
 * breakdown is always released, with or without people in it: a row that appeared only when someone was in it would
 * tell a reader that an absent row is a true zero.
 */

export const SCOPE_KINDS = ['NATIONAL', 'ICB', 'PCN', 'PRACTICE'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  kind: ScopeKind;
  /** `ALL` for national. */
  id: string;
}

export const NATIONAL_SCOPE: Scope = { kind: 'NATIONAL', id: 'ALL' };

/** `ICB-<id>`: the partition-key part of an aggregate item. */
export function scopeKey(scope: Scope): string {
  return `${scope.kind}-${scope.id}`;
}

export const DIMENSIONS = [
  'NONE',
  'ACTIVITY_CATEGORY',
  'NEED',
  'AGE_BAND',
  'SEX',
  'ETHNICITY',
  'REFERRAL_SOURCE',
  'ICB',
  'PCN',
  'PRACTICE',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Breakdowns whose groups are organisations (listed from the directory, labelled with names and ODS codes). */
export const ORGANISATION_DIMENSIONS: readonly Dimension[] = ['ICB', 'PCN', 'PRACTICE'];

/** The group of the one row of dimension NONE. */
export const TOTAL_GROUP = 'ALL';
/** The group for a missing value (no age band, sex not recorded, no need given, no ethnicity given). */
export const NOT_RECORDED = 'NOT_RECORDED';

/** The breakdowns offered at each scope: organisation breakdowns go one or two levels down, never up or sideways. */
export const DIMENSIONS_BY_SCOPE: Readonly<Record<ScopeKind, readonly Dimension[]>> = {
  NATIONAL: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE', 'ICB'],
  ICB: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE', 'PCN', 'PRACTICE'],
  PCN: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE', 'PRACTICE'],
  PRACTICE: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE'],
};

/**
 * The NHS ethnic category codes (NHS Data Dictionary, 2001 census categories) in the five high-level groups ONS and
 * NHS England report by. Figures use the groups only: 17 categories at practice level would be mostly empty cells.
 */
const ETHNIC_GROUP_OF_CODE: Readonly<Record<string, string>> = {
  A: 'WHITE',
  B: 'WHITE',
  C: 'WHITE',
  D: 'MIXED',
  E: 'MIXED',
  F: 'MIXED',
  G: 'MIXED',
  H: 'ASIAN_OR_ASIAN_BRITISH',
  J: 'ASIAN_OR_ASIAN_BRITISH',
  K: 'ASIAN_OR_ASIAN_BRITISH',
  L: 'ASIAN_OR_ASIAN_BRITISH',
  M: 'BLACK_OR_BLACK_BRITISH',
  N: 'BLACK_OR_BLACK_BRITISH',
  P: 'BLACK_OR_BLACK_BRITISH',
  R: 'OTHER_ETHNIC_GROUP',
  S: 'OTHER_ETHNIC_GROUP',
  Z: 'NOT_STATED',
};
export const ETHNIC_GROUPS = [
  'WHITE',
  'MIXED',
  'ASIAN_OR_ASIAN_BRITISH',
  'BLACK_OR_BLACK_BRITISH',
  'OTHER_ETHNIC_GROUP',
  'NOT_STATED',
  NOT_RECORDED,
] as const;

/** The reporting group of an NHS ethnic category code (`A`..`Z`); a missing or unknown code is NOT_RECORDED. */
export function ethnicGroupOf(code: string | undefined): string {
  return (code && ETHNIC_GROUP_OF_CODE[code.trim().toUpperCase()]) || NOT_RECORDED;
}

/** A value from `vocabulary`, or NOT_RECORDED: groups outside the fixed list would appear only when non-empty. */
export function groupOf(value: string | undefined, vocabulary: readonly string[]): string {
  return value !== undefined && vocabulary.includes(value) ? value : NOT_RECORDED;
}

/** The fixed groups of each non-organisation breakdown, in release order. */
export const GROUPS_OF: Readonly<Partial<Record<Dimension, readonly string[]>>> = {
  NONE: [TOTAL_GROUP],
  ACTIVITY_CATEGORY: ACTIVITY_CATEGORIES,
  NEED: [...NEEDS, NOT_RECORDED],
  AGE_BAND: [...AGE_BANDS, NOT_RECORDED],
  SEX: [...SEXES, NOT_RECORDED],
  ETHNICITY: ETHNIC_GROUPS,
  REFERRAL_SOURCE: [...REFERRAL_SOURCES, NOT_RECORDED],
};

export const KNOWN_NEEDS: readonly string[] = NEEDS;
export const KNOWN_AGE_BANDS: readonly string[] = AGE_BANDS;
export const KNOWN_SEXES: readonly string[] = SEXES;
export const KNOWN_REFERRAL_SOURCES: readonly string[] = REFERRAL_SOURCES;
export const KNOWN_CATEGORIES: readonly string[] = ACTIVITY_CATEGORIES;

/** Follow-up waves reported against the baseline. AD_HOC measurements are kept on the record but not in figures. */
export const FOLLOW_UP_WAVES = ['WEEK_1', 'WEEK_6', 'WEEK_12'] as const;
export type FollowUpWave = (typeof FOLLOW_UP_WAVES)[number];
export const BASELINE = 'BASELINE';
export type MeasuredWave = typeof BASELINE | FollowUpWave;

/** Per-episode and per-person counts (see facts for what "once" means for each). */
export const FLOW_METRICS = [
  'referralsReceived',
  'peopleReferred',
  'referralsAccepted',
  'referralsDeclined',
  'peopleEngaged',
  'checkInsSent',
  'checkInsAnswered',
  'checkInsNoResponse',
  'optOuts',
  'concernsRaised',
] as const;
export type FlowMetric = (typeof FLOW_METRICS)[number];

/** Flow metrics that can be attributed to an activity category; the others are not applicable in that breakdown. */
export const CATEGORY_METRICS: readonly FlowMetric[] = ['peopleEngaged'];

/**
 * Counters counted once per person per reporting period (distinct people), stored on the period's own items rather
 * than added up from months: someone referred in January and March is one person in the quarter.
 */
export const PER_PERIOD_COUNTERS: readonly string[] = ['peopleReferred'];

/** Time from referral to first contact, in whole days, in these bands (NHS England reports "within 2 weeks"). */
export const FIRST_CONTACT_BANDS = [
  { label: 'WITHIN_7_DAYS', from: 0, to: 7 },
  { label: 'DAYS_8_TO_14', from: 8, to: 14 },
  { label: 'DAYS_15_TO_28', from: 15, to: 28 },
  { label: 'OVER_28_DAYS', from: 29, to: Number.POSITIVE_INFINITY },
] as const;

export function firstContactBandOf(days: number): string {
  return FIRST_CONTACT_BANDS.find((band) => days >= band.from && days <= band.to)!.label;
}

/**
 * Why an episode ended: the status it closed with. COMPLETED is a referral closed after support; DECLINED and
 * UNABLE_TO_CONTACT are the exits before it. (A coded reason within COMPLETED needs the referrals context to record
 * one; see docs/decisions/0002.)
 */
export const CLOSURE_REASONS = ['COMPLETED', 'DECLINED', 'UNABLE_TO_CONTACT'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_OF_STATUS: Readonly<Record<string, ClosureReason>> = {
  CLOSED: 'COMPLETED',
  DECLINED: 'DECLINED',
  UNABLE_TO_CONTACT: 'UNABLE_TO_CONTACT',
};
/** Statuses reached only by talking to the person: the first move into one is the first contact. */
export const CONTACT_STATUSES: readonly string[] = ['CONTACTED', 'ACCEPTED'];

/* ---- months ------------------------------------------------------------------------------------------------------ */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The calendar month (UTC) of an ISO date or date-time, `YYYY-MM`. */
export function monthOf(isoDateOrTime: string): string {
  const month = isoDateOrTime.slice(0, 7);
  if (!MONTH.test(month)) throw new RangeError(`monthOf: ${isoDateOrTime} does not start with YYYY-MM`);
  return month;
}

export function nextMonth(month: string): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`nextMonth: ${month} is not YYYY-MM`);
  const year = Number(match[1]);
  const m = Number(match[2]);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}

/** The last day of a month, `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/* ---- instruments ------------------------------------------------------------------------------------------------- */

/**
 * Which way is better, per `<instrument>.<item>`: ONS4 anxiety and UCLA3 items (and their total) score higher when
 * worse; ONS loneliness replies run 1 (often/always) to 5 (never), so higher is better. An instrument added by
 * configuration defaults to higher-is-better unless listed here.
 */
const LOWER_IS_BETTER = new Set([
  'ONS4.anxiety',
  'UCLA3.companionship',
  'UCLA3.leftOut',
  'UCLA3.isolated',
  'UCLA3.total',
]);

export function higherIsBetter(itemKey: string): boolean {
  return !LOWER_IS_BETTER.has(itemKey);
}

export type ChangeDirection = 'improved' | 'unchanged' | 'worse';

/** Any change counts: the instruments' scales are short (0–10, 1–5, 1–3), so one step is a real answer change. */
export function directionOf(itemKey: string, change: number): ChangeDirection {
  if (change === 0) return 'unchanged';
  return change > 0 === higherIsBetter(itemKey) ? 'improved' : 'worse';
}
