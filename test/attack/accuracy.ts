import type { AnswerSet } from './collect';

/*
 * What disclosure control costs a commissioner, measured on the same answers the attacker collected: how far
 * released counts and means are from the truth, and how many cells are withheld, beside what the old per-cell
 * rules (0 shown, 1–7 suppressed, round to 5, means to 2 decimals from 8 people) would have withheld.
 */

export interface Accuracy {
  counts: {
    released: number;
    meanAbsoluteError: number;
    maxError: number;
    /** Cells with at least one person. */
    nonZero: number;
    /** Of those, withheld now, and withheld by the old rules. */
    withheld: number;
    withheldBefore: number;
    /** Released counts of 8–50 people: their mean relative error. */
    smallRelativeError: number;
  };
  means: {
    released: number;
    meanAbsoluteError: number;
    maxError: number;
    /** Means with at least one person behind them: withheld now, and by the old rules. */
    possible: number;
    withheld: number;
    withheldBefore: number;
  };
}

export function accuracyOf(set: AnswerSet): Accuracy {
  const counts = {
    released: 0,
    errors: 0,
    maxError: 0,
    nonZero: 0,
    withheld: 0,
    withheldBefore: 0,
    small: 0,
    smallRel: 0,
  };
  const means = { released: 0, errors: 0, maxError: 0, possible: 0, withheld: 0, withheldBefore: 0 };
  for (const row of set.rows.values()) {
    const [released] = row.released;
    if (!released) continue;
    for (const { metric, released: count } of released.counts) {
      const truth = row.truth[metric] ?? 0;
      if (truth > 0) {
        counts.nonZero += 1;
        if (count.suppressed) counts.withheld += 1;
        if (truth <= 7) counts.withheldBefore += 1;
      }
      if (count.value === null) continue;
      const error = Math.abs(count.value - truth);
      counts.released += 1;
      counts.errors += error;
      counts.maxError = Math.max(counts.maxError, error);
      if (truth <= 50) {
        counts.small += 1;
        counts.smallRel += error / truth;
      }
    }
    for (const mean of released.means) {
      const n = row.truth[mean.n] ?? 0;
      if (n === 0) continue;
      means.possible += 1;
      if (mean.released.suppressed) means.withheld += 1;
      if (n <= 7) means.withheldBefore += 1;
      if (mean.released.value === null) continue;
      const error = Math.abs(mean.released.value - (row.truth[mean.sum] ?? 0) / n);
      means.released += 1;
      means.errors += error;
      means.maxError = Math.max(means.maxError, error);
    }
  }
  return {
    counts: {
      released: counts.released,
      meanAbsoluteError: counts.errors / Math.max(1, counts.released),
      maxError: counts.maxError,
      nonZero: counts.nonZero,
      withheld: counts.withheld,
      withheldBefore: counts.withheldBefore,
      smallRelativeError: counts.smallRel / Math.max(1, counts.small),
    },
    means: {
      released: means.released,
      meanAbsoluteError: means.errors / Math.max(1, means.released),
      maxError: means.maxError,
      possible: means.possible,
      withheld: means.withheld,
      withheldBefore: means.withheldBefore,
    },
  };
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

export function summariseAccuracy(a: Accuracy): string {
  return [
    'accuracy cost:',
    `  counts: ${a.counts.released} released, mean absolute error ${a.counts.meanAbsoluteError.toFixed(2)} (max ${a.counts.maxError}), ` +
      `mean relative error ${pct(a.counts.smallRelativeError, 1)} for 8-50 people`,
    `  cells with people withheld: ${pct(a.counts.withheld, a.counts.nonZero)} (old rules: ${pct(a.counts.withheldBefore, a.counts.nonZero)}) of ${a.counts.nonZero}`,
    `  means: ${a.means.released} released, mean absolute error ${a.means.meanAbsoluteError.toFixed(3)} (max ${a.means.maxError.toFixed(2)}); ` +
      `withheld ${pct(a.means.withheld, a.means.possible)} (old rules: ${pct(a.means.withheldBefore, a.means.possible)}) of ${a.means.possible}`,
  ].join('\n');
}
