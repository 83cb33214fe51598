/*
 * The fixed vocabulary of commissioners' figures: scopes, breakdowns (dimensions), months, waves and metric names.
 * Figures exist only for these breakdowns, one dimension at a time (no cross-tabulation), so no two answers can be
 * combined into a finer cut than the ones offered.
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

export const DIMENSIONS = ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ICB', 'PCN', 'PRACTICE'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The group of the one row of dimension NONE. */
export const TOTAL_GROUP = 'ALL';
/** The group for a missing value (no age band, sex not recorded, no need given). */
export const NOT_RECORDED = 'NOT_RECORDED';

/** The breakdowns offered at each scope: organisation breakdowns go one or two levels down, never up or sideways. */
export const DIMENSIONS_BY_SCOPE: Readonly<Record<ScopeKind, readonly Dimension[]>> = {
  NATIONAL: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ICB'],
  ICB: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'PCN', 'PRACTICE'],
  PCN: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'PRACTICE'],
  PRACTICE: ['NONE', 'ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX'],
};

/** Follow-up waves reported against the baseline. AD_HOC measurements are kept on the record but not in figures. */
export const FOLLOW_UP_WAVES = ['WEEK_1', 'WEEK_6', 'WEEK_12'] as const;
export type FollowUpWave = (typeof FOLLOW_UP_WAVES)[number];
export const BASELINE = 'BASELINE';
export type MeasuredWave = typeof BASELINE | FollowUpWave;

/** Per-person flow counts, each counted once per referral (see facts.ts for what "once" means for each). */
export const FLOW_METRICS = [
  'referralsReceived',
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

/* ---- months ------------------------------------------------------------------------------------------------------ */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

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
 * Which way is better, per `<instrument>.<item>`: ONS4 anxiety and UCLA3 items score higher when worse; ONS
 * loneliness replies run 1 (often/always) to 5 (never), so higher is better. An instrument added by configuration
 * defaults to higher-is-better unless listed here.
 */
const LOWER_IS_BETTER = new Set(['ONS4.anxiety', 'UCLA3.companionship', 'UCLA3.leftOut', 'UCLA3.isolated']);

export function higherIsBetter(itemKey: string): boolean {
  return !LOWER_IS_BETTER.has(itemKey);
}

export type ChangeDirection = 'improved' | 'unchanged' | 'worse';

/** Any change counts: the instruments' scales are short (0–10, 1–5, 1–3), so one step is a real answer change. */
export function directionOf(itemKey: string, change: number): ChangeDirection {
  if (change === 0) return 'unchanged';
  return change > 0 === higherIsBetter(itemKey) ? 'improved' : 'worse';
}
