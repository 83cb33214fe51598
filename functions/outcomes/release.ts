import {
  type ControlledCount,
  type ControlledInterval,
  type ControlledNumber,
  controlCount,
  controlDifference,
  controlInterval,
  controlMean,
  controlShare,
  type DisclosurePolicy,
  DRAW,
  type KeyedCount,
  type Scale,
} from './disclosure';
import {
  type Counters,
  closureCounter,
  firstContactCounter,
  keyCounter,
  measureCounter,
  type PairField,
  pairCounter,
} from './facts';
import type { InstrumentItemSpec } from './instruments';
import type { Moments } from './statistics';
import {
  BASELINE,
  CATEGORY_METRICS,
  CLOSURE_REASONS,
  type ClosureReason,
  type Dimension,
  FIRST_CONTACT_BANDS,
  FLOW_METRICS,
  type FlowMetric,
  FOLLOW_UP_WAVES,
  type FollowUpWave,
  higherIsBetter,
  type MeasuredWave,
} from './vocabulary';

/*
 * From summed counters to released rows (disclosure.ts has the rules). Every cell, the total included, is released
 * from its own raw counters and cell key: the total is never the sum of the released group rows nor the source of
 * them, and a cell holding the same people as another (a PCN with one practice) is released identically wherever it
 * appears.
 */

export interface BandFigures {
  band: string;
  people: ControlledCount;
  /** Percentage of the people measured, from released counts. */
  share: ControlledNumber;
}

export interface MeasureFigures {
  people: ControlledCount;
  mean: ControlledNumber;
  bands: BandFigures[];
}

export interface PairedFigures {
  /** People with a baseline and a follow-up in this wave. */
  people: ControlledCount;
  baselineMean: ControlledNumber;
  followUpMean: ControlledNumber;
  /** Follow-up mean minus baseline mean, as released. */
  meanChange: ControlledNumber;
  /** 95% confidence interval of the mean change (t distribution), centred on the released change. */
  meanChangeCi: ControlledInterval;
  improved: ControlledNumber;
  unchanged: ControlledNumber;
  worse: ControlledNumber;
}

export interface WaveFigures {
  wave: FollowUpWave;
  followUp: MeasureFigures;
  paired: PairedFigures;
}

export interface InstrumentItemFigures {
  key: string;
  instrument: string;
  item: string;
  higherIsBetter: boolean;
  scaleMin: number;
  scaleMax: number;
  baseline: MeasureFigures;
  waves: WaveFigures[];
}

export interface FirstContactFigures {
  /** Episodes whose first contact (CONTACTED or ACCEPTED) fell in the period. */
  people: ControlledCount;
  /** Mean days from referral received to first contact. */
  meanDays: ControlledNumber;
  bands: BandFigures[];
}

export interface ClosureFigures {
  /** Episodes that ended in the period. */
  total: ControlledCount;
  reasons: { reason: ClosureReason; people: ControlledCount; share: ControlledNumber }[];
}

export type FlowFigures = Record<FlowMetric, ControlledCount>;

export interface OutcomeRow extends FlowFigures {
  dimension: Dimension;
  group: string;
  /** For organisation groups: its name and ODS code. */
  label?: string;
  odsCode?: string;
  /** Check-ins answered as a percentage of check-ins sent, from released counts. */
  checkInResponseRate: ControlledNumber;
  firstContact: FirstContactFigures;
  closures: ClosureFigures;
  instruments: InstrumentItemFigures[];
}

const NOT_APPLICABLE: ControlledCount = { value: null, suppressed: false };
const NOTHING: ControlledNumber = { value: null, suppressed: false };

function keyed(counters: Counters, name: string): KeyedCount {
  return { n: counters[name] ?? 0, keySum: counters[keyCounter(name)] ?? 0 };
}

function moments(counters: Counters, n: string, sum: string, sumSq: string): Moments {
  return { n: counters[n] ?? 0, sum: counters[sum] ?? 0, sumSq: counters[sumSq] ?? 0 };
}

function bandFigures(
  counters: Counters,
  people: ControlledCount,
  bands: readonly string[],
  counterOf: (band: string) => string,
  policy: DisclosurePolicy,
): BandFigures[] {
  return bands.map((band) => {
    const inBand = controlCount(keyed(counters, counterOf(band)), policy);
    return { band, people: inBand, share: controlShare(inBand, people) };
  });
}

function measureFigures(
  counters: Counters,
  spec: InstrumentItemSpec,
  wave: MeasuredWave,
  policy: DisclosurePolicy,
): MeasureFigures {
  const { key } = spec;
  const n = measureCounter.n(key, wave);
  const people = controlCount(keyed(counters, n), policy);
  const m = moments(counters, n, measureCounter.sum(key, wave), measureCounter.sumSq(key, wave));
  return {
    people,
    mean: controlMean(m, keyed(counters, n).keySum, people, spec, policy),
    bands: bandFigures(
      counters,
      people,
      spec.bands.map((band) => band.label),
      (band) => measureCounter.band(key, wave, band),
      policy,
    ),
  };
}

function pairedFigures(
  counters: Counters,
  spec: InstrumentItemSpec,
  wave: FollowUpWave,
  policy: DisclosurePolicy,
): PairedFigures {
  const field = (name: PairField) => pairCounter(spec.key, wave, name);
  const { keySum } = keyed(counters, field('n'));
  const people = controlCount(keyed(counters, field('n')), policy);
  const base = moments(counters, field('n'), field('sumBase'), field('sumSqBase'));
  const follow = moments(counters, field('n'), field('sumFollow'), field('sumSqFollow'));
  const change = moments(counters, field('n'), field('sumChange'), field('sumSqChange'));
  const range = spec.max - spec.min;
  const changeScale: Scale = { min: -range, max: range };
  const baselineMean = controlMean(base, keySum, people, spec, policy);
  const followUpMean = controlMean(follow, keySum, people, spec, policy, DRAW.secondSum);
  const meanChange =
    policy === 'EXEMPT'
      ? controlMean(change, keySum, people, changeScale, policy)
      : controlDifference(followUpMean, baselineMean);
  const share = (name: PairField) => controlShare(controlCount(keyed(counters, field(name)), policy), people);
  return {
    people,
    baselineMean,
    followUpMean,
    meanChange,
    meanChangeCi: controlInterval(change, keySum, people, meanChange, policy, 2 * DRAW.secondSum),
    improved: share('improved'),
    unchanged: share('unchanged'),
    worse: share('worse'),
  };
}

function firstContactFigures(counters: Counters, policy: DisclosurePolicy): FirstContactFigures {
  const n = keyed(counters, firstContactCounter.n);
  const people = controlCount(n, policy);
  const m = moments(counters, firstContactCounter.n, firstContactCounter.sum, firstContactCounter.sumSq);
  return {
    people,
    meanDays: controlMean(m, n.keySum, people, { min: 0, max: Number.POSITIVE_INFINITY }, policy),
    bands: bandFigures(
      counters,
      people,
      FIRST_CONTACT_BANDS.map((band) => band.label),
      firstContactCounter.band,
      policy,
    ),
  };
}

function closureFigures(counters: Counters, policy: DisclosurePolicy): ClosureFigures {
  const total = controlCount(keyed(counters, closureCounter.n), policy);
  return {
    total,
    reasons: CLOSURE_REASONS.map((reason) => {
      const people = controlCount(keyed(counters, closureCounter.reason(reason)), policy);
      return { reason, people, share: controlShare(people, total) };
    }),
  };
}

const NOT_APPLICABLE_FIRST_CONTACT: FirstContactFigures = {
  people: NOT_APPLICABLE,
  meanDays: NOTHING,
  bands: FIRST_CONTACT_BANDS.map((band) => ({ band: band.label, people: NOT_APPLICABLE, share: NOTHING })),
};
const NOT_APPLICABLE_CLOSURES: ClosureFigures = {
  total: NOT_APPLICABLE,
  reasons: CLOSURE_REASONS.map((reason) => ({ reason, people: NOT_APPLICABLE, share: NOTHING })),
};

export function outcomeRow(
  dimension: Dimension,
  group: string,
  counters: Counters,
  instruments: readonly InstrumentItemSpec[],
  policy: DisclosurePolicy,
): OutcomeRow {
  const byCategory = dimension === 'ACTIVITY_CATEGORY';
  const applies = (metric: FlowMetric) => !byCategory || CATEGORY_METRICS.includes(metric);
  const flow = Object.fromEntries(
    FLOW_METRICS.map((metric) => [
      metric,
      applies(metric) ? controlCount(keyed(counters, metric), policy) : NOT_APPLICABLE,
    ]),
  ) as FlowFigures;
  return {
    dimension,
    group,
    ...flow,
    checkInResponseRate: byCategory ? NOTHING : controlShare(flow.checkInsAnswered, flow.checkInsSent),
    firstContact: byCategory ? NOT_APPLICABLE_FIRST_CONTACT : firstContactFigures(counters, policy),
    closures: byCategory ? NOT_APPLICABLE_CLOSURES : closureFigures(counters, policy),
    instruments: instruments.map((spec) => ({
      key: spec.key,
      instrument: spec.instrument,
      item: spec.item,
      higherIsBetter: higherIsBetter(spec.key),
      scaleMin: spec.min,
      scaleMax: spec.max,
      baseline: measureFigures(counters, spec, BASELINE, policy),
      waves: FOLLOW_UP_WAVES.map((wave) => ({
        wave,
        followUp: measureFigures(counters, spec, wave, policy),
        paired: pairedFigures(counters, spec, wave, policy),
      })),
    })),
  };
}
