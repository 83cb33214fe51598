import type { Counters } from '../../functions/outcomes/facts';
import { parsePeriod } from '../../functions/outcomes/periods';
import { studentTQuantile } from '../../functions/outcomes/statistics';
import {
  CLOSURE_REASONS,
  DIMENSIONS_BY_SCOPE,
  type Dimension,
  FIRST_CONTACT_BANDS,
  FOLLOW_UP_WAVES,
  type Scope,
  scopeKey,
} from '../../functions/outcomes/vocabulary';
import { type AnswerSet, rowKey } from './collect';
import { Propagator } from './propagation';
import {
  type CountObservation,
  improvesUpwards,
  type MeanObservation,
  type ReleaseModel,
  type SpreadObservation,
} from './releases';

/*
 * The attack. For every figure family (a set of counters that constraints connect; no constraint crosses two
 * families, so solving them one by one is the same as solving everything at once), it builds one unknown per cell
 * and counter, bounds each by what was released about it, and connects them by every relation the figures have:
 *  - periods: a quarter is the sum of its months and a year of its quarters (people referred, counted once per
 *    period, lie between the largest part and the sum of the parts);
 *  - breakdowns: a total is the sum of the groups of a single-valued breakdown (ethnicity, sex, age, source, PCN,
 *    practice); a need group is at most the total and the need groups together at least the total; an activity
 *    category's measurements are at most the total's;
 *  - hierarchy: an ICB cell is the sum of its PCNs' same cells, a PCN's of its practices';
 *  - within a row: bands add up to the people measured, improved + unchanged + worse to the pairs, closure reasons to
 *    closures, answered + unanswered check-ins at most sent, people referred at most referrals;
 *  - means: each released mean bounds its hidden sum given its count (and the count given the sum: a mean no whole
 *    sum can give for a count rules that count out), the sum lies between the scale's ends times the count and
 *    between what the band counts allow, a pair's change bounds its improved and worse counts;
 *  - intervals: a released interval's width needs a spread the count can produce.
 * Then it propagates to a fixpoint and counts the cells pinned to one value. It checks that the truth lies within
 * every interval it ends with: an attack that "recovers" a wrong value is a bug in the attack, not a finding.
 */

/** Released counts at or below this are "small". */
export const SMALL = 20;

export interface AttackReport {
  model: string;
  families: number;
  variables: number;
  constraints: number;
  steps: number;
  /** Families whose propagation used up its step budget (their intervals are sound, only possibly wider). */
  stoppedEarly: number;
  suppressedTried: number;
  releasedTried: number;
  releasedSmallTried: number;
  meansTried: number;
  /** Suppressed cells the attack pinned, with their value. */
  recovered: string[];
  /** Released cells the attack pinned. */
  pinned: string[];
  pinnedSmall: number;
}

interface Family {
  name: string;
  counts: string[];
  sums: string[];
  /** Constraints within one row of this family. */
  withinRow(v: (metric: string) => number, p: Propagator, byCategory: boolean): void;
  appliesToCategory: boolean;
}

const SINGLE_VALUED: readonly Dimension[] = ['AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE', 'PCN', 'PRACTICE'];

function families(set: AnswerSet): Family[] {
  const out: Family[] = [];
  const flow = (name: string, counts: string[], withinRow: Family['withinRow'] = () => {}, category = false) =>
    out.push({ name, counts, sums: [], withinRow, appliesToCategory: category });
  flow('referrals and people', ['referralsReceived', 'peopleReferred'], (v, p, byCategory) => {
    if (!byCategory) p.constrain([v('referralsReceived'), v('peopleReferred')], [1, -1], 0, Infinity);
  });
  for (const metric of ['referralsAccepted', 'referralsDeclined', 'concernsRaised', 'optOuts']) flow(metric, [metric]);
  flow('peopleEngaged', ['peopleEngaged'], () => {}, true);
  flow('check-ins', ['checkInsSent', 'checkInsAnswered', 'checkInsNoResponse'], (v, p) =>
    p.constrain([v('checkInsSent'), v('checkInsAnswered'), v('checkInsNoResponse')], [1, -1, -1], 0, Infinity),
  );
  const bands = FIRST_CONTACT_BANDS.map((band) => `firstContact|band|${band.label}`);
  out.push({
    name: 'first contact',
    counts: ['firstContact|n', ...bands],
    sums: ['firstContact|sum'],
    appliesToCategory: false,
    withinRow(v, p) {
      p.equal(bands.map(v), [v('firstContact|n')]);
      const from = FIRST_CONTACT_BANDS.map((band) => band.from);
      p.constrain([v('firstContact|sum'), ...bands.map(v)], [1, ...from.map((x) => -x)], 0, Infinity);
      const finite = FIRST_CONTACT_BANDS.filter((band) => Number.isFinite(band.to));
      if (finite.length === FIRST_CONTACT_BANDS.length) {
        p.constrain([v('firstContact|sum'), ...bands.map(v)], [-1, ...finite.map((band) => band.to)], 0, Infinity);
      }
    },
  });
  const reasons = CLOSURE_REASONS.map((reason) => `closures|reason|${reason}`);
  flow('closures', ['closures|n', ...reasons], (v, p) => p.equal(reasons.map(v), [v('closures|n')]));
  for (const spec of set.specs) {
    for (const wave of ['BASELINE', ...FOLLOW_UP_WAVES]) {
      const m = (suffix: string) => `${spec.key}|${wave}|${suffix}`;
      const bandMetrics = spec.bands.map((band) => m(`band|${band.label}`));
      const pairCounts = wave === 'BASELINE' ? [] : ['n', 'improved', 'unchanged', 'worse'].map((f) => m(`pair|${f}`));
      const pairSums = wave === 'BASELINE' ? [] : ['sumBase', 'sumFollow'].map((f) => m(`pair|${f}`));
      out.push({
        name: `${spec.key} ${wave}`,
        counts: [m('n'), ...bandMetrics, ...pairCounts],
        sums: [m('sum'), ...pairSums],
        appliesToCategory: true,
        withinRow(v, p) {
          const n = v(m('n'));
          const sum = v(m('sum'));
          p.equal(bandMetrics.map(v), [n]);
          p.constrain([sum, n], [1, -spec.min], 0, Infinity);
          p.constrain([sum, n], [-1, spec.max], 0, Infinity);
          p.constrain([sum, ...bandMetrics.map(v)], [1, ...spec.bands.map((b) => -b.from)], 0, Infinity);
          p.constrain([sum, ...bandMetrics.map(v)], [-1, ...spec.bands.map((b) => b.to)], 0, Infinity);
          if (wave === 'BASELINE') return;
          const [pn, improved, unchanged, worse] = pairCounts.map(v) as [number, number, number, number];
          const [base, follow] = pairSums.map(v) as [number, number];
          p.equal([improved, unchanged, worse], [pn]);
          p.constrain([n, pn], [1, -1], 0, Infinity);
          for (const s of [base, follow]) {
            p.constrain([s, pn], [1, -spec.min], 0, Infinity);
            p.constrain([s, pn], [-1, spec.max], 0, Infinity);
          }
          // The change (follow − base) is at least one step per improvement and at most the range per one.
          const range = spec.max - spec.min;
          const [up, down] = improvesUpwards(spec.key) ? [improved, worse] : [worse, improved];
          p.constrain([follow, base, up, down], [1, -1, -1, range], 0, Infinity);
          p.constrain([follow, base, up, down], [-1, 1, range, -1], 0, Infinity);
        },
      });
    }
  }
  return out;
}

/**
 * Every row the answers could show (observed or not), indexed once: relations are built from these indices, and a
 * family's unknown for row r and its k-th counter is variable r × (counters) + k.
 */
class RowIndex {
  readonly keys: string[] = [];
  readonly byCategory: boolean[] = [];
  private readonly index = new Map<string, number>();
  readonly periods: string[];
  readonly quarters: { at: number; months: number[] }[] = [];
  readonly years: { at: number; quarters: number[] }[] = [];
  /** Per scope: its total row per period, and per breakdown the group rows per period. */
  readonly scopes: {
    scope: Scope;
    children: number[];
    total: number[];
    breakdowns: { dimension: Dimension; groups: string[]; rows: number[][] }[];
  }[] = [];

  constructor(set: AnswerSet) {
    this.periods = set.periods;
    const periodAt = new Map(set.periods.map((id, i) => [id, i]));
    for (const [i, id] of set.periods.entries()) {
      const period = parsePeriod(id);
      if (period.kind === 'QUARTER') {
        const months = period.months.map((m) => periodAt.get(m));
        if (months.every((m) => m !== undefined)) this.quarters.push({ at: i, months: months as number[] });
      }
      if (period.kind === 'YEAR') {
        const quarters = set.periods.flatMap((q, k) => (q.startsWith(`${id}-Q`) ? [k] : []));
        if (quarters.length === 4) this.years.push({ at: i, quarters });
      }
    }
    const row = (key: string, byCategory: boolean) => {
      let at = this.index.get(key);
      if (at === undefined) {
        at = this.keys.length;
        this.keys.push(key);
        this.byCategory.push(byCategory);
        this.index.set(key, at);
      }
      return at;
    };
    for (const { scope } of set.scopes) {
      const total = set.periods.map((period) => row(rowKey(scope, 'NONE', 'ALL', period), false));
      const breakdowns = DIMENSIONS_BY_SCOPE[scope.kind]
        .filter((dimension) => dimension !== 'NONE')
        .map((dimension) => {
          const groups = set.groups.get(`${scopeKey(scope)}|${dimension}`) ?? [];
          const rows = set.periods.map((period) =>
            groups.map((group) => row(rowKey(scope, dimension, group, period), dimension === 'ACTIVITY_CATEGORY')),
          );
          return { dimension, groups, rows };
        });
      this.scopes.push({ scope, children: [], total, breakdowns });
    }
    for (const [i, { parent }] of set.scopes.entries()) {
      if (!parent) continue;
      const at = this.scopes.findIndex((s) => scopeKey(s.scope) === scopeKey(parent));
      if (at >= 0) this.scopes[at]!.children.push(i);
    }
  }

  at(key: string): number | undefined {
    return this.index.get(key);
  }

  /** The rows of one scope, breakdown and group across periods (the total for NONE). */
  series(scopeAt: number, dimension: Dimension, groupAt: number): number[] {
    const scope = this.scopes[scopeAt]!;
    if (dimension === 'NONE') return scope.total;
    const breakdown = scope.breakdowns.find((b) => b.dimension === dimension);
    return breakdown ? breakdown.rows.map((rows) => rows[groupAt]!) : [];
  }
}

/** One released figure of one row: a count, a mean over a count, or an interval's width over a count. */
type Release = { seq: number; at: number } & (
  | { kind: 'count'; count: CountObservation; truth: Counters }
  | { kind: 'mean'; mean: MeanObservation }
  | { kind: 'spread'; spread: SpreadObservation }
);

/**
 * Every released figure, filed under the counter it is about (a mean under its sum, a spread under its count) and
 * numbered in the order the answers gave them, so that each family reads only its own (the answers hold some
 * 700,000 figures; every family of 37 scanning them all took seconds) and in the same order as a scan.
 */
function releasesByCounter(set: AnswerSet, rows: RowIndex): Map<string, Release[]> {
  const filed = new Map<string, Release[]>();
  let seq = 0;
  const file = (counter: string, release: Release) => {
    const list = filed.get(counter);
    if (list) list.push(release);
    else filed.set(counter, [release]);
  };
  for (const [key, row] of set.rows) {
    const at = rows.at(key);
    if (at === undefined) continue;
    for (const released of row.released) {
      for (const count of released.counts)
        file(count.metric, { seq: seq++, at, kind: 'count', count, truth: row.truth });
      for (const mean of released.means) file(mean.sum, { seq: seq++, at, kind: 'mean', mean });
      for (const spread of released.spreads) file(spread.n, { seq: seq++, at, kind: 'spread', spread });
    }
  }
  return filed;
}

/** Constraint visits allowed per relation before a family's propagation stops (it always did well before, so far). */
export const STEPS_PER_RELATION = 40;

export function attack(
  set: AnswerSet,
  model: ReleaseModel,
  options: { stepsPerRelation?: number; families?: (name: string) => boolean } = {},
): AttackReport {
  const report: AttackReport = {
    model: model.name,
    families: 0,
    variables: 0,
    constraints: 0,
    steps: 0,
    stoppedEarly: 0,
    suppressedTried: 0,
    releasedTried: 0,
    releasedSmallTried: 0,
    meansTried: 0,
    recovered: [],
    pinned: [],
    pinnedSmall: 0,
  };
  const rows = new RowIndex(set);
  const truthOf = rows.keys.map((key) => set.rows.get(key)?.truth);
  const releases = releasesByCounter(set, rows);

  for (const family of families(set)) {
    if (options.families && !options.families(family.name)) continue;
    report.families += 1;
    const p = new Propagator();
    const metrics = [...family.counts, ...family.sums];
    const width = metrics.length;
    const metricAt = new Map(metrics.map((metric, k) => [metric, k]));
    const sums = new Set(family.sums);
    p.variables(
      rows.keys.length * width,
      (i) => (sums.has(metrics[i % width]!) ? [-Infinity, Infinity] : [0, Infinity]),
      (i) => `${rows.keys[Math.floor(i / width)]}|${metrics[i % width]}`,
    );
    const v = (row: number, metric: string) => row * width + metricAt.get(metric)!;
    const applies = (row: number) => !rows.byCategory[row] || family.appliesToCategory;
    for (let row = 0; row < rows.keys.length; row++) {
      if (applies(row)) family.withinRow((metric) => v(row, metric), p, rows.byCategory[row]!);
    }

    for (const metric of metrics) {
      const k = metricAt.get(metric)!;
      const additive = metric !== 'peopleReferred';
      const isSum = sums.has(metric);
      const cell = (row: number) => row * width + k;
      for (const [scopeAt, scope] of rows.scopes.entries()) {
        // Breakdowns of each period's total.
        for (const breakdown of scope.breakdowns) {
          const { dimension } = breakdown;
          for (let period = 0; period < rows.periods.length; period++) {
            const total = cell(scope.total[period]!);
            const cells = breakdown.rows[period]!.map(cell);
            if (SINGLE_VALUED.includes(dimension)) p.equal(cells, [total]);
            else if (dimension === 'NEED') {
              for (const c of cells) p.constrain([total, c], [1, -1], 0, Infinity);
              p.constrain([...cells, total], [...cells.map(() => 1), -1], 0, Infinity);
            } else if (dimension === 'ACTIVITY_CATEGORY' && family.appliesToCategory && !isSum) {
              if (metric !== 'peopleEngaged') for (const c of cells) p.constrain([total, c], [1, -1], 0, Infinity);
            }
          }
        }
        // Hierarchy and periods, per breakdown and group (organisation rows are the organisations' own totals).
        const series: { dimension: Dimension; groupAt: number }[] = [{ dimension: 'NONE', groupAt: 0 }];
        for (const breakdown of scope.breakdowns) {
          if (breakdown.dimension === 'PCN' || breakdown.dimension === 'PRACTICE') continue;
          if (breakdown.dimension === 'ACTIVITY_CATEGORY' && !family.appliesToCategory) continue;
          for (let groupAt = 0; groupAt < breakdown.groups.length; groupAt++) {
            series.push({ dimension: breakdown.dimension, groupAt });
          }
        }
        for (const { dimension, groupAt } of series) {
          const own = rows.series(scopeAt, dimension, groupAt).map(cell);
          const group =
            dimension === 'NONE' ? 'ALL' : scope.breakdowns.find((b) => b.dimension === dimension)!.groups[groupAt]!;
          const children = scope.children.map((childAt) => {
            const child = rows.scopes[childAt]!;
            if (dimension === 'NONE') return child.total.map(cell);
            const breakdown = child.breakdowns.find((b) => b.dimension === dimension);
            const at = breakdown?.groups.indexOf(group) ?? -1;
            return at < 0 ? undefined : breakdown!.rows.map((r) => cell(r[at]!));
          });
          if (children.length > 0 && children.every((c) => c !== undefined)) {
            for (let period = 0; period < rows.periods.length; period++) {
              p.equal(
                children.map((c) => c![period]!),
                [own[period]!],
              );
            }
          }
          const nest = (whole: number, parts: number[]) => {
            const partCells = parts.map((part) => own[part]!);
            if (additive) p.equal(partCells, [own[whole]!]);
            else {
              for (const part of partCells) p.constrain([own[whole]!, part], [1, -1], 0, Infinity);
              p.constrain([...partCells, own[whole]!], [...partCells.map(() => 1), -1], 0, Infinity);
            }
          };
          for (const quarter of rows.quarters) nest(quarter.at, quarter.months);
          for (const year of rows.years) nest(year.at, year.quarters);
        }
      }
    }

    // What was released about this family's counters, in the order the answers gave it.
    const observed: { variable: number; suppressed: boolean; exact: boolean; truth: number }[] = [];
    const mine = [...new Set(metrics)].flatMap((metric) => releases.get(metric) ?? []).sort((a, b) => a.seq - b.seq);
    for (const release of mine) {
      const { at } = release;
      if (release.kind === 'count') {
        const { metric, released: count } = release.count;
        if (sums.has(metric)) continue;
        const bounds = model.countBounds(count);
        if (!bounds) continue;
        const variable = v(at, metric);
        p.restrict(variable, bounds[0], bounds[1]);
        observed.push({
          variable,
          suppressed: count.suppressed,
          exact: bounds[0] === bounds[1],
          truth: release.truth[metric] ?? 0,
        });
      } else if (release.kind === 'mean') {
        const { mean } = release;
        if (!sums.has(mean.sum) || mean.released.value === null) continue;
        report.meansTried += 1;
        const n = v(at, mean.n);
        const sum = v(at, mean.sum);
        const m = mean.released.value;
        const lowStep = m - model.meanHalfStep;
        const highStep = m + model.meanHalfStep;
        const q = model.meanSumNoise;
        // A released mean at the scale's end may have been clamped there.
        const clampedLow = q > 0 && m <= mean.min;
        const clampedHigh = q > 0 && m >= mean.max;
        if (!clampedLow) p.constrain([sum, n], [1, -lowStep], -q, Infinity);
        if (!clampedHigh) p.constrain([sum, n], [1, -highStep], -Infinity, q);
        // Not every count can give this mean with a whole sum: shave counts that cannot.
        p.filter(
          n,
          (count, b) => {
            const lo = clampedLow ? -Infinity : Math.ceil(count * lowStep - q - 1e-9);
            const hi = clampedHigh ? Infinity : Math.floor(count * highStep + q + 1e-9);
            return Math.max(lo, b.lo(sum)) <= Math.min(hi, b.hi(sum));
          },
          [sum],
        );
      } else {
        const { spread } = release;
        p.filter(v(at, spread.n), (count) => spreadPossible(count, spread.halfWidth, spread.range, model.meanSumNoise));
      }
    }

    p.run((options.stepsPerRelation ?? STEPS_PER_RELATION) * p.constraintCount);
    report.variables += p.size;
    report.constraints += p.constraintCount;
    report.steps += p.steps;
    if (p.stoppedEarly) report.stoppedEarly += 1;
    for (let row = 0; row < rows.keys.length; row++) {
      const truth = truthOf[row];
      if (!truth) continue;
      for (const metric of metrics) {
        const variable = v(row, metric);
        const value = truth[metric] ?? 0;
        if (value < p.lo(variable) || value > p.hi(variable)) {
          throw new Error(
            `unsound attack: ${p.name(variable)} is ${value}, outside [${p.lo(variable)}, ${p.hi(variable)}]`,
          );
        }
      }
    }
    const seen = new Set<number>();
    for (const o of observed) {
      if (seen.has(o.variable)) continue;
      seen.add(o.variable);
      const pinned = p.lo(o.variable) === p.hi(o.variable);
      if (o.suppressed) {
        report.suppressedTried += 1;
        if (pinned) report.recovered.push(`${p.name(o.variable)} = ${o.truth}`);
      } else if (!o.exact) {
        // A figure released exactly (the old rules' zeros) is not something an attack pins.
        report.releasedTried += 1;
        if (o.truth <= SMALL) report.releasedSmallTried += 1;
        if (pinned) {
          report.pinned.push(`${p.name(o.variable)} = ${o.truth}`);
          if (o.truth <= SMALL) report.pinnedSmall += 1;
        }
      }
    }
  }
  return report;
}

/**
 * Whether `count` people can give a 95% interval of this half-width (rounded to 0.1) for changes within ±range,
 * the sums perturbed by at most `noise`: the spread needed must not exceed the largest spread possible.
 */
export function spreadPossible(count: number, halfWidth: number, range: number, noise: number): boolean {
  if (count < 2) return false;
  const t = studentTQuantile(0.975, count - 1);
  const sdNeeded = ((halfWidth - 0.05) * Math.sqrt(count)) / t;
  if (sdNeeded <= 0) return true;
  const maxVariance =
    (range * range * count) / (count - 1) + (noise * (count + 2 * range * count + noise)) / (count * (count - 1));
  return sdNeeded * sdNeeded <= maxVariance + 1e-9;
}

export function summariseAttack(report: AttackReport): string {
  return [
    `attack on ${report.model}:`,
    `  ${report.families} figure families, ${report.variables} unknowns, ${report.constraints} relations, ${report.steps} propagation steps` +
      (report.stoppedEarly ? ` (${report.stoppedEarly} families stopped at the step budget)` : ''),
    `  tried ${report.suppressedTried} suppressed cells, ${report.releasedTried} released counts (${report.releasedSmallTried} of ${SMALL} or fewer people), ${report.meansTried} means`,
    `  recovered ${report.recovered.length} suppressed cells exactly; pinned ${report.pinned.length} released counts exactly (${report.pinnedSmall} small)`,
    ...report.recovered.slice(0, 5).map((cell) => `    recovered ${cell}`),
    ...report.pinned.slice(0, 5).map((cell) => `    pinned ${cell}`),
  ].join('\n');
}
