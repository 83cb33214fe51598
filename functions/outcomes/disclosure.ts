import type { Interval } from './statistics';

/*
 * Disclosure control for commissioners' figures (NHS Digital / OpenSAFELY practice; docs/decisions/0002). Applied on
 * the server to every figure before it leaves a use case; a suppressed value is explicit (`suppressed: true`, value
 * null), never a silent zero. The rules, in one place:
 *  - a count of 1–7 is suppressed; 0 stays 0; any other count is rounded to the nearest 5;
 *  - a mean, change or interval computed from 1–7 people is suppressed (it is computed from the raw sums, never from a
 *    rounded count, and is not itself rounded to 5);
 *  - a percentage is computed from the two rounded counts, and is suppressed when either count is;
 *  - non-count statistics are reported to 2 decimal places: a full-precision mean would give away its exact
 *    denominator (6.384615… can only be 83/13), undoing the rounding of the count beside it.
 */

export const SUPPRESS_UP_TO = 7;
export const ROUND_TO = 5;
export const STATISTIC_DECIMALS = 2;
export const PERCENT_DECIMALS = 1;

/**
 * CONTROLLED below national level for everyone; EXEMPT only for national figures, which only an unscoped
 * administrator may ask for.
 */
export type DisclosurePolicy = 'CONTROLLED' | 'EXEMPT';

/** A count as released. `value` is null exactly when `suppressed` is true. */
export interface ControlledCount {
  value: number | null;
  suppressed: boolean;
}

/**
 * A mean, change or percentage as released. `value` null with `suppressed` false means there is nothing to compute
 * (no people, or a share of zero).
 */
export interface ControlledNumber {
  value: number | null;
  suppressed: boolean;
}

export interface ControlledInterval {
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

/** True for the counts that could identify someone: 1 to 7. */
export function isDisclosive(n: number): boolean {
  return n >= 1 && n <= SUPPRESS_UP_TO;
}

/** Rounds a non-negative integer to the nearest multiple of 5 (an integer is never exactly half-way). */
export function roundToNearest5(n: number): number {
  return Math.round(n / ROUND_TO) * ROUND_TO;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function controlCount(n: number, policy: DisclosurePolicy): ControlledCount {
  if (!Number.isInteger(n) || n < 0) {
    // Only a folding fault makes a count negative; release nothing rather than a figure we cannot stand behind.
    return { value: null, suppressed: true };
  }
  if (policy === 'EXEMPT' || n === 0) return { value: n, suppressed: false };
  if (isDisclosive(n)) return { value: null, suppressed: true };
  return { value: roundToNearest5(n), suppressed: false };
}

/** A statistic computed from `people` people (raw count). */
export function controlStatistic(
  value: number | undefined,
  people: number,
  policy: DisclosurePolicy,
): ControlledNumber {
  // Suppression is decided on the number of people alone, before anything about the value: "no value" for one person
  // but "suppressed" for two would tell them apart.
  if (policy === 'CONTROLLED' && isDisclosive(people)) return { value: null, suppressed: true };
  if (people <= 0 || value === undefined || !Number.isFinite(value)) return { value: null, suppressed: false };
  return { value: roundTo(value, STATISTIC_DECIMALS), suppressed: false };
}

export function controlInterval(
  interval: Interval | undefined,
  people: number,
  policy: DisclosurePolicy,
): ControlledInterval {
  if (policy === 'CONTROLLED' && isDisclosive(people)) return { lower: null, upper: null, suppressed: true };
  if (people <= 0 || interval === undefined) return { lower: null, upper: null, suppressed: false };
  return {
    lower: roundTo(interval.lower, STATISTIC_DECIMALS),
    upper: roundTo(interval.upper, STATISTIC_DECIMALS),
    suppressed: false,
  };
}

/** A percentage (0–100) from two released counts: suppressed when either is; null when the denominator is 0. */
export function controlShare(numerator: ControlledCount, denominator: ControlledCount): ControlledNumber {
  if (numerator.suppressed || denominator.suppressed) return { value: null, suppressed: true };
  if (!denominator.value) return { value: null, suppressed: false };
  return { value: roundTo((100 * (numerator.value ?? 0)) / denominator.value, PERCENT_DECIMALS), suppressed: false };
}
