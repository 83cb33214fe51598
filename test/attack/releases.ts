import type { ControlledCount, ControlledNumber } from '../../functions/outcomes/disclosure';
import type { Counters } from '../../functions/outcomes/facts';
import type { InstrumentItemSpec } from '../../functions/outcomes/instruments';
import type { OutcomeRow } from '../../functions/outcomes/release';
import {
  CLOSURE_REASONS,
  FIRST_CONTACT_BANDS,
  FLOW_METRICS,
  FOLLOW_UP_WAVES,
  higherIsBetter,
} from '../../functions/outcomes/vocabulary';

/*
 * What one released row tells an attacker, as observations on named cells (the counter names of the aggregate
 * items, so a cell's truth is the counter of the same name): counts released or suppressed, and means over a count.
 * The same shape comes from the server's answers (the method under test) and from the old per-cell rules applied to
 * the true counters (to show the attacker works).
 */

export interface CountObservation {
  metric: string;
  released: ControlledCount;
}

export interface MeanObservation {
  /** The count the mean is over. */
  n: string;
  /** The hidden sum of scores behind it. */
  sum: string;
  released: ControlledNumber;
  min: number;
  max: number;
}

export interface SpreadObservation {
  n: string;
  /** Released interval half-width (upper − centre). */
  halfWidth: number;
  /** Largest possible |value| of one change. */
  range: number;
}

export interface RowObservations {
  counts: CountObservation[];
  means: MeanObservation[];
  spreads: SpreadObservation[];
}

/** How a release method maps a released figure back to what the truth may be. */
export interface ReleaseModel {
  name: string;
  countBounds(released: ControlledCount): [number, number] | undefined;
  /** Noise on a mean's sum (its absolute bound) and the rounding half-step of the mean. */
  meanSumNoise: number;
  meanHalfStep: number;
}

/** The method under test (disclosure.ts): noise ±3, rounding to 5, suppression of 0–7 or a noisy value under 8. */
export const CELL_KEY_MODEL: ReleaseModel = {
  name: 'cell key, catalogue periods, coarse statistics',
  countBounds(released) {
    if (released.suppressed) return [0, 10];
    if (released.value === null) return undefined;
    return [Math.max(8, released.value - 5), released.value + 5];
  },
  meanSumNoise: 3,
  meanHalfStep: 0.05,
};

/** The rules before: 0 shown, 1–7 suppressed, others rounded to 5; means exact to 2 decimals beside 8 or more. */
export const PER_CELL_MODEL: ReleaseModel = {
  name: 'per-cell rounding and suppression (before)',
  countBounds(released) {
    if (released.suppressed) return [1, 7];
    if (released.value === null) return undefined;
    if (released.value === 0) return [0, 0];
    return [Math.max(8, released.value - 2), released.value + 2];
  },
  meanSumNoise: 0,
  meanHalfStep: 0.005,
};

/* ---- observations from a released row -------------------------------------------------------------------------- */

const NOT_APPLICABLE = (c: ControlledCount) => !c.suppressed && c.value === null;

/** A released count behind a released share: share × released denominator (both exact multiples). */
function countBehindShare(share: ControlledNumber, denominator: ControlledCount): ControlledCount | undefined {
  if (denominator.suppressed || denominator.value === null) return undefined;
  if (share.suppressed) return { value: null, suppressed: true };
  if (share.value === null) return undefined;
  return { value: Math.round((share.value * denominator.value) / 100 / 5) * 5, suppressed: false };
}

export function observationsOfRow(row: OutcomeRow, specs: readonly InstrumentItemSpec[]): RowObservations {
  const counts: CountObservation[] = [];
  const means: MeanObservation[] = [];
  const spreads: SpreadObservation[] = [];
  const count = (metric: string, released: ControlledCount | undefined) => {
    if (released && !NOT_APPLICABLE(released)) counts.push({ metric, released });
  };
  for (const metric of FLOW_METRICS) count(metric, row[metric]);
  count('firstContact|n', row.firstContact.people);
  for (const band of row.firstContact.bands) count(`firstContact|band|${band.band}`, band.people);
  if (!NOT_APPLICABLE(row.firstContact.people)) {
    means.push({
      n: 'firstContact|n',
      sum: 'firstContact|sum',
      released: row.firstContact.meanDays,
      min: 0,
      max: Number.POSITIVE_INFINITY,
    });
  }
  count('closures|n', row.closures.total);
  for (const reason of row.closures.reasons) count(`closures|reason|${reason.reason}`, reason.people);
  for (const figures of row.instruments) {
    const spec = specs.find((s) => s.key === figures.key)!;
    const measure = (
      wave: string,
      m: { people: ControlledCount; mean: ControlledNumber; bands: { band: string; people: ControlledCount }[] },
    ) => {
      count(`${spec.key}|${wave}|n`, m.people);
      for (const band of m.bands) count(`${spec.key}|${wave}|band|${band.band}`, band.people);
      means.push({
        n: `${spec.key}|${wave}|n`,
        sum: `${spec.key}|${wave}|sum`,
        released: m.mean,
        min: spec.min,
        max: spec.max,
      });
    };
    measure('BASELINE', figures.baseline);
    for (const wave of figures.waves) {
      measure(wave.wave, wave.followUp);
      const p = wave.paired;
      const pair = (field: string) => `${spec.key}|${wave.wave}|pair|${field}`;
      count(pair('n'), p.people);
      count(pair('improved'), countBehindShare(p.improved, p.people));
      count(pair('unchanged'), countBehindShare(p.unchanged, p.people));
      count(pair('worse'), countBehindShare(p.worse, p.people));
      means.push({ n: pair('n'), sum: pair('sumBase'), released: p.baselineMean, min: spec.min, max: spec.max });
      means.push({ n: pair('n'), sum: pair('sumFollow'), released: p.followUpMean, min: spec.min, max: spec.max });
      const ci = p.meanChangeCi;
      if (!ci.suppressed && ci.lower !== null && ci.upper !== null) {
        spreads.push({ n: pair('n'), halfWidth: (ci.upper - ci.lower) / 2, range: spec.max - spec.min });
      }
    }
  }
  return { counts, means, spreads };
}

/* ---- the old per-cell rules, applied to true counters ------------------------------------------------------------ */

const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function perCellCount(n: number): ControlledCount {
  if (n === 0) return { value: 0, suppressed: false };
  if (n <= 7) return { value: null, suppressed: true };
  return { value: Math.round(n / 5) * 5, suppressed: false };
}

function perCellMean(sum: number, n: number): ControlledNumber {
  if (n === 0) return { value: null, suppressed: false };
  if (n <= 7) return { value: null, suppressed: true };
  return { value: r(sum / n, 2), suppressed: false };
}

/** What the old rules released for a row with these true counters. */
export function perCellObservations(
  counters: Counters,
  specs: readonly InstrumentItemSpec[],
  byCategory: boolean,
): RowObservations {
  const counts: CountObservation[] = [];
  const means: MeanObservation[] = [];
  const c = (metric: string) => counters[metric] ?? 0;
  const count = (metric: string) => counts.push({ metric, released: perCellCount(c(metric)) });
  const mean = (n: string, sum: string, min: number, max: number) =>
    means.push({ n, sum, released: perCellMean(c(sum), c(n)), min, max });
  for (const metric of FLOW_METRICS) if (!byCategory || metric === 'peopleEngaged') count(metric);
  if (!byCategory) {
    count('firstContact|n');
    for (const band of FIRST_CONTACT_BANDS) count(`firstContact|band|${band.label}`);
    mean('firstContact|n', 'firstContact|sum', 0, Number.POSITIVE_INFINITY);
    count('closures|n');
    for (const reason of CLOSURE_REASONS) count(`closures|reason|${reason}`);
  }
  for (const spec of specs) {
    for (const wave of ['BASELINE', ...FOLLOW_UP_WAVES]) {
      count(`${spec.key}|${wave}|n`);
      for (const band of spec.bands) count(`${spec.key}|${wave}|band|${band.label}`);
      mean(`${spec.key}|${wave}|n`, `${spec.key}|${wave}|sum`, spec.min, spec.max);
      if (wave === 'BASELINE') continue;
      const pair = (field: string) => `${spec.key}|${wave}|pair|${field}`;
      for (const field of ['n', 'improved', 'unchanged', 'worse']) count(pair(field));
      mean(pair('n'), pair('sumBase'), spec.min, spec.max);
      mean(pair('n'), pair('sumFollow'), spec.min, spec.max);
    }
  }
  return { counts, means, spreads: [] };
}

/** Which way a pair's direction counts bound its change: improved moves the sum one way, worse the other. */
export function improvesUpwards(itemKey: string): boolean {
  return higherIsBetter(itemKey);
}
