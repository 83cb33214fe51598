import { createHash } from 'node:crypto';
import { type Interval, type Moments, mean, meanConfidenceInterval } from './statistics';

/*
 * Disclosure control for commissioners' figures: the cell-key method (ONS, Census 2021) on a fixed period catalogue,
 * with thresholds and coarse statistics. The threat model, the methods weighed and the measured accuracy cost are in
 * docs/decisions/0002-disclosure-control.md; the rules, in one place:
 *
 *  - Every counted fact carries a record key (0–255) derived from its id. A cell's key is the sum of its facts' keys
 *    (mod 256), kept as a counter beside the count, so it is exact for any month, quarter or year however it is
 *    added up. The cell's noise is read from a fixed perturbation table at that key: the same people in a cell always
 *    get the same noise, whichever question shows the cell and however often it is asked, so repeats do not average
 *    it out, and two cells differing by one person get unrelated noise.
 *  - A count is suppressed when it is 0–7 or when its noisy value is below 8 (zero included: a released 0 would tell
 *    a reader that "suppressed" means at least one); otherwise its noisy value is released rounded to the nearest 5.
 *  - Means and intervals use the raw count as denominator but sums perturbed by the same table (a mean cannot give
 *    away its denominator, nor certify that everyone answered alike), to 1 decimal place, and only when the count
 *    beside them is released at STATISTIC_MIN_RELEASED or more. An interval is centred on the released mean.
 *  - Percentages are computed from released counts only, so they add nothing a reader did not already have.
 */

export const SUPPRESS_UP_TO = 7;
export const ROUND_TO = 5;
/** Means and intervals only beside a released count of at least this (so the true count is at least 10). */
export const STATISTIC_MIN_RELEASED = 15;
export const STATISTIC_DECIMALS = 1;
export const PERCENT_DECIMALS = 1;
export const CELL_KEY_MODULUS = 256;

/**
 * CONTROLLED below national level for everyone; EXEMPT only for national figures, which only an unscoped
 * administrator may ask for.
 */
export type DisclosurePolicy = 'CONTROLLED' | 'EXEMPT';

/** A count as released. `value` is null exactly when `suppressed` is true, or when the figure does not apply. */
export interface ControlledCount {
  value: number | null;
  suppressed: boolean;
}

/** A mean, change or percentage as released. Null and not suppressed: nothing to compute, or not applicable. */
export interface ControlledNumber {
  value: number | null;
  suppressed: boolean;
}

export interface ControlledInterval {
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

/* ---- the perturbation table ------------------------------------------------------------------------------------- */

/** Noise −3..3 with these frequencies out of 256 (mean 0, standard deviation 1.1). */
const NOISE_FREQUENCIES: readonly [number, number][] = [
  [0, 100],
  [1, 56],
  [-1, 56],
  [2, 20],
  [-2, 20],
  [3, 2],
  [-3, 2],
];
export const MAX_NOISE = 3;

/**
 * The table, in a fixed shuffled order (a deterministic generator, so every server and test uses the same one):
 * noise drawn at key k and at key k + offset are unrelated. The table is not secret; the record keys are.
 */
export const PERTURBATION_TABLE: readonly number[] = (() => {
  const table = NOISE_FREQUENCIES.flatMap(([noise, count]) => Array.from({ length: count }, () => noise));
  let state = 0x5eed;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = table.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [table[i], table[j]] = [table[j]!, table[i]!];
  }
  return table;
})();

/** What a noise draw is for: the count itself, or the sums behind a statistic. */
export const DRAW = { count: 0, sum: 97, sumOfSquares: 181, secondSum: 53 } as const;

/**
 * A fact's record key, 0–255: the first byte of SHA-256 of its id. Fact ids name referrals and patients by their
 * random ids, which commissioners never see, so the keys are as good as random to them and reproducible for
 * reconciliation.
 */
export function recordKey(factId: string): number {
  return createHash('sha256').update(factId).digest()[0]!;
}

/** The cell key from the sum of its facts' record keys (a sum that may include withdrawals, so may be negative). */
export function cellKeyOf(keySum: number): number {
  return ((keySum % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
}

export function noiseAt(keySum: number, draw: number): number {
  return PERTURBATION_TABLE[(cellKeyOf(keySum) + draw) % CELL_KEY_MODULUS]!;
}

/* ---- counts ------------------------------------------------------------------------------------------------------- */

export function roundToNearest5(n: number): number {
  return Math.round(n / ROUND_TO) * ROUND_TO;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A raw count and the sum of its facts' record keys. */
export interface KeyedCount {
  n: number;
  keySum: number;
}

export function controlCount(count: KeyedCount, policy: DisclosurePolicy): ControlledCount {
  const { n } = count;
  if (!Number.isInteger(n) || n < 0) {
    // Only a folding fault makes a count negative; release nothing rather than a figure we cannot stand behind.
    return { value: null, suppressed: true };
  }
  if (policy === 'EXEMPT') return { value: n, suppressed: false };
  const noisy = n + noiseAt(count.keySum, DRAW.count);
  if (n <= SUPPRESS_UP_TO || noisy <= SUPPRESS_UP_TO) return { value: null, suppressed: true };
  return { value: roundToNearest5(noisy), suppressed: false };
}

/* ---- statistics --------------------------------------------------------------------------------------------------- */

/** The scale a statistic lives on (a released mean is kept inside it). */
export interface Scale {
  min: number;
  max: number;
}

const SUPPRESSED_NUMBER: ControlledNumber = { value: null, suppressed: true };
const NOTHING: ControlledNumber = { value: null, suppressed: false };

/** Whether statistics may be released beside this released count. */
export function statisticsAllowed(people: ControlledCount): boolean {
  return !people.suppressed && (people.value ?? 0) >= STATISTIC_MIN_RELEASED;
}

function clamp(value: number, scale: Scale): number {
  return Math.min(scale.max, Math.max(scale.min, value));
}

/** Moments with perturbed sums: the noise is the cell's (the people counted), drawn at other offsets. */
export function perturbedMoments(m: Moments, keySum: number, offset = 0): Moments {
  return {
    n: m.n,
    sum: m.sum + noiseAt(keySum, DRAW.sum + offset),
    sumSq: m.sumSq + noiseAt(keySum, DRAW.sumOfSquares + offset),
  };
}

/**
 * A mean of `m` (raw moments of the people in `people`). EXEMPT: exact, 2 decimals. CONTROLLED: only beside a count
 * released at STATISTIC_MIN_RELEASED or more, from the perturbed sum, inside the scale, 1 decimal; suppressed when
 * the count is suppressed or too small; nothing when there is no one.
 */
export function controlMean(
  m: Moments,
  keySum: number,
  people: ControlledCount,
  scale: Scale,
  policy: DisclosurePolicy,
  offset = 0,
): ControlledNumber {
  if (policy === 'EXEMPT') {
    const value = mean(m);
    return value === undefined ? NOTHING : { value: roundTo(value, 2), suppressed: false };
  }
  if (!statisticsAllowed(people)) return SUPPRESSED_NUMBER;
  const value = mean(perturbedMoments(m, keySum, offset));
  return value === undefined ? NOTHING : { value: roundTo(clamp(value, scale), STATISTIC_DECIMALS), suppressed: false };
}

/**
 * The 95% interval of a mean: EXEMPT, from the raw moments; CONTROLLED, the released `centre` ± the half-width from
 * perturbed moments, so the interval adds a spread to what the released mean said and nothing about the count.
 */
export function controlInterval(
  m: Moments,
  keySum: number,
  people: ControlledCount,
  centre: ControlledNumber,
  policy: DisclosurePolicy,
  offset = 0,
): ControlledInterval {
  if (policy === 'EXEMPT') {
    const interval: Interval | undefined = meanConfidenceInterval(m);
    if (!interval) return { lower: null, upper: null, suppressed: false };
    return { lower: roundTo(interval.lower, 2), upper: roundTo(interval.upper, 2), suppressed: false };
  }
  if (!statisticsAllowed(people) || centre.value === null) return { lower: null, upper: null, suppressed: true };
  const perturbed = perturbedMoments(m, keySum, offset);
  const interval = meanConfidenceInterval(perturbed);
  const centreRaw = mean(perturbed);
  if (!interval || centreRaw === undefined) return { lower: null, upper: null, suppressed: true };
  const halfWidth = roundTo(interval.upper - centreRaw, STATISTIC_DECIMALS);
  return {
    lower: roundTo(centre.value - halfWidth, STATISTIC_DECIMALS),
    upper: roundTo(centre.value + halfWidth, STATISTIC_DECIMALS),
    suppressed: false,
  };
}

/** A percentage (0–100) from two released counts: suppressed when either is; nothing when the denominator is 0. */
export function controlShare(numerator: ControlledCount, denominator: ControlledCount): ControlledNumber {
  if (numerator.suppressed || denominator.suppressed) return SUPPRESSED_NUMBER;
  if (!denominator.value) return NOTHING;
  return { value: roundTo((100 * (numerator.value ?? 0)) / denominator.value, PERCENT_DECIMALS), suppressed: false };
}

/** A difference of two released statistics (a mean change from the released means): suppressed if either is. */
export function controlDifference(later: ControlledNumber, earlier: ControlledNumber): ControlledNumber {
  if (later.suppressed || earlier.suppressed) return SUPPRESSED_NUMBER;
  if (later.value === null || earlier.value === null) return NOTHING;
  return { value: roundTo(later.value - earlier.value, 2), suppressed: false };
}
