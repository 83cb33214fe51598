import {
  type ControlledCount,
  type ControlledInterval,
  type ControlledNumber,
  controlCount,
  controlInterval,
  controlShare,
  controlStatistic,
  type DisclosurePolicy,
} from './disclosure';
import { type Counters, measureCounter, type PairField, pairCounter } from './facts';
import { type Moments, mean, meanConfidenceInterval } from './statistics';
import {
  BASELINE,
  CATEGORY_METRICS,
  type Dimension,
  FLOW_METRICS,
  type FlowMetric,
  FOLLOW_UP_WAVES,
  type FollowUpWave,
  higherIsBetter,
  type MeasuredWave,
  TOTAL_GROUP,
} from './vocabulary';

/*
 * From summed counters to released rows. Every row, the total included, is controlled from its own raw counters:
 * the total is never the sum of the released group rows (which would carry their rounding) nor the source of them,
 * so adding up group rows never reproduces it exactly and subtracting it from them reveals nothing finer than the
 * rounding. See docs/decisions/0002-disclosure-control.md.
 */

export interface InstrumentItemSpec {
  instrument: string;
  item: string;
  /** Band labels in scale order, for instruments that have bands (ONS4). */
  bands: readonly string[];
}

export interface BandFigures {
  band: string;
  people: ControlledCount;
  /** Percentage of the people measured, from rounded counts. */
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
  meanChange: ControlledNumber;
  /** 95% confidence interval of the mean change (t distribution). */
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
  baseline: MeasureFigures;
  waves: WaveFigures[];
}

export type FlowFigures = Record<FlowMetric, ControlledCount>;

export interface OutcomeRow extends FlowFigures {
  dimension: Dimension;
  group: string;
  /** Check-ins answered as a percentage of check-ins sent, from rounded counts. */
  checkInResponseRate: ControlledNumber;
  instruments: InstrumentItemFigures[];
}

const NOT_APPLICABLE: ControlledCount = { value: null, suppressed: false };

function moments(counters: Counters, n: string, sum: string, sumSq: string): Moments {
  return { n: counters[n] ?? 0, sum: counters[sum] ?? 0, sumSq: counters[sumSq] ?? 0 };
}

function measureFigures(
  counters: Counters,
  spec: InstrumentItemSpec,
  wave: MeasuredWave,
  policy: DisclosurePolicy,
): MeasureFigures {
  const key = `${spec.instrument}.${spec.item}`;
  const m = moments(
    counters,
    measureCounter.n(key, wave),
    measureCounter.sum(key, wave),
    measureCounter.sumSq(key, wave),
  );
  const people = controlCount(m.n, policy);
  return {
    people,
    mean: controlStatistic(mean(m), m.n, policy),
    bands: spec.bands.map((band) => {
      const inBand = controlCount(counters[measureCounter.band(key, wave, band)] ?? 0, policy);
      return { band, people: inBand, share: controlShare(inBand, people) };
    }),
  };
}

function pairedFigures(counters: Counters, key: string, wave: FollowUpWave, policy: DisclosurePolicy): PairedFigures {
  const field = (name: PairField) => counters[pairCounter(key, wave, name)] ?? 0;
  const n = field('n');
  const people = controlCount(n, policy);
  const change: Moments = { n, sum: field('sumChange'), sumSq: field('sumSqChange') };
  const share = (name: PairField) => controlShare(controlCount(field(name), policy), people);
  return {
    people,
    baselineMean: controlStatistic(n ? field('sumBase') / n : undefined, n, policy),
    followUpMean: controlStatistic(n ? field('sumFollow') / n : undefined, n, policy),
    meanChange: controlStatistic(mean(change), n, policy),
    meanChangeCi: controlInterval(meanConfidenceInterval(change), n, policy),
    improved: share('improved'),
    unchanged: share('unchanged'),
    worse: share('worse'),
  };
}

export function outcomeRow(
  dimension: Dimension,
  group: string,
  counters: Counters,
  instruments: readonly InstrumentItemSpec[],
  policy: DisclosurePolicy,
): OutcomeRow {
  const applies = (metric: FlowMetric) => dimension !== 'ACTIVITY_CATEGORY' || CATEGORY_METRICS.includes(metric);
  const flow = Object.fromEntries(
    FLOW_METRICS.map((metric) => [
      metric,
      applies(metric) ? controlCount(counters[metric] ?? 0, policy) : NOT_APPLICABLE,
    ]),
  ) as FlowFigures;
  const checkInResponseRate = applies('checkInsSent')
    ? controlShare(flow.checkInsAnswered, flow.checkInsSent)
    : { value: null, suppressed: false };
  return {
    dimension,
    group,
    ...flow,
    checkInResponseRate,
    instruments: instruments.map((spec) => {
      const key = `${spec.instrument}.${spec.item}`;
      return {
        key,
        instrument: spec.instrument,
        item: spec.item,
        higherIsBetter: higherIsBetter(key),
        baseline: measureFigures(counters, spec, BASELINE, policy),
        waves: FOLLOW_UP_WAVES.map((wave) => ({
          wave,
          followUp: measureFigures(counters, spec, wave, policy),
          paired: pairedFigures(counters, key, wave, policy),
        })),
      };
    }),
  };
}

export interface SummaryRows {
  total: OutcomeRow;
  groups: OutcomeRow[];
}

/**
 * The released rows. `byDimension` holds, per breakdown asked for, each group's counters summed over the period;
 * `total` the NONE breakdown's own counters. Groups come out in a stable order (dimension as asked, then group).
 */
export function summaryRows(
  total: Counters,
  byDimension: ReadonlyMap<Dimension, ReadonlyMap<string, Counters>>,
  instruments: readonly InstrumentItemSpec[],
  policy: DisclosurePolicy,
): SummaryRows {
  const groups: OutcomeRow[] = [];
  for (const [dimension, byGroup] of byDimension) {
    if (dimension === 'NONE') continue;
    for (const group of [...byGroup.keys()].sort()) {
      groups.push(outcomeRow(dimension, group, byGroup.get(group)!, instruments, policy));
    }
  }
  return { total: outcomeRow('NONE', TOTAL_GROUP, total, instruments, policy), groups };
}

/* ---- CSV ----------------------------------------------------------------------------------------------------------- */

/** How a suppressed cell reads in the CSV; an empty cell means "nothing to report" (no people, or not applicable). */
export const CSV_SUPPRESSED = 'suppressed';

function cell(value: ControlledCount | ControlledNumber): string {
  if (value.suppressed) return CSV_SUPPRESSED;
  return value.value === null ? '' : String(value.value);
}

function intervalCells(value: ControlledInterval): [string, string] {
  if (value.suppressed) return [CSV_SUPPRESSED, CSV_SUPPRESSED];
  return [value.lower === null ? '' : String(value.lower), value.upper === null ? '' : String(value.upper)];
}

function quote(text: string): string {
  // Also defuses spreadsheet formulas: a cell starting with = + - @ is prefixed with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The same rows as a CSV: one line per row (total first), one column per figure. */
export function summaryCsv(rows: SummaryRows, labels: ReadonlyMap<string, string> = new Map()): string {
  const all = [rows.total, ...rows.groups];
  const header = ['dimension', 'group', 'label', ...FLOW_METRICS, 'checkInResponseRatePercent'];
  const first = all[0]!;
  for (const figures of first.instruments) {
    const k = figures.key;
    header.push(`${k} baseline people`, `${k} baseline mean`);
    for (const band of figures.baseline.bands) header.push(`${k} baseline ${band.band} percent`);
    for (const wave of figures.waves) {
      const w = `${k} ${wave.wave}`;
      header.push(`${w} people`, `${w} mean`);
      for (const band of wave.followUp.bands) header.push(`${w} ${band.band} percent`);
      header.push(
        `${w} paired people`,
        `${w} paired baseline mean`,
        `${w} paired follow-up mean`,
        `${w} mean change`,
        `${w} mean change 95% CI lower`,
        `${w} mean change 95% CI upper`,
        `${w} improved percent`,
        `${w} unchanged percent`,
        `${w} worse percent`,
      );
    }
  }
  const lines = [header.map(quote).join(',')];
  for (const row of all) {
    const cells = [row.dimension, row.group, labels.get(`${row.dimension}|${row.group}`) ?? ''];
    for (const metric of FLOW_METRICS) cells.push(cell(row[metric]));
    cells.push(cell(row.checkInResponseRate));
    for (const figures of row.instruments) {
      cells.push(cell(figures.baseline.people), cell(figures.baseline.mean));
      for (const band of figures.baseline.bands) cells.push(cell(band.share));
      for (const wave of figures.waves) {
        cells.push(cell(wave.followUp.people), cell(wave.followUp.mean));
        for (const band of wave.followUp.bands) cells.push(cell(band.share));
        const p = wave.paired;
        cells.push(cell(p.people), cell(p.baselineMean), cell(p.followUpMean), cell(p.meanChange));
        cells.push(...intervalCells(p.meanChangeCi), cell(p.improved), cell(p.unchanged), cell(p.worse));
      }
    }
    lines.push(cells.map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
