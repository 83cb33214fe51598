/*
 * Statistics from running sums. Aggregate items keep, for each measure, the count n, the sum Σx and the sum of squares
 * Σx² of integer scores, so every figure here is exact until the final division: adding facts in any order, or folding
 * them in different batches, gives the same sums.
 */

/** Running sums of one measure. All three are integers for integer scores. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };

export function momentsOf(values: readonly number[]): Moments {
  return values.reduce((m, x) => ({ n: m.n + 1, sum: m.sum + x, sumSq: m.sumSq + x * x }), EMPTY_MOMENTS);
}

export function addMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

/** The mean, or undefined for n = 0. */
export function mean(m: Moments): number | undefined {
  return m.n === 0 ? undefined : m.sum / m.n;
}

/**
 * The sample variance (n − 1 denominator), or undefined for n < 2. Computed as (nΣx² − (Σx)²) / (n(n − 1)): for
 * integer scores the numerator is an exact integer, so there is no cancellation error; it is clamped at 0 for
 * non-integer input where rounding could make it slightly negative.
 */
export function sampleVariance(m: Moments): number | undefined {
  if (m.n < 2) return undefined;
  const numerator = m.n * m.sumSq - m.sum * m.sum;
  return Math.max(0, numerator) / (m.n * (m.n - 1));
}

export function standardDeviation(m: Moments): number | undefined {
  const variance = sampleVariance(m);
  return variance === undefined ? undefined : Math.sqrt(variance);
}

/* ---- Student's t distribution ---------------------------------------------------------------------------------- */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Quantiles found so far, by p and then df. Each takes a bisection of up to 200 evaluations of the CDF, and a
 * summary asks for the same few (0.975 and its cells' degrees of freedom) once for every mean it releases.
 */
const knownQuantiles = new Map<number, Map<number, number>>();

/** The `p` quantile of Student's t with `df` (> 0) degrees of freedom, for p in (0, 1); bisection to 1e-12. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('studentTQuantile: p must lie strictly between 0 and 1');
  if (!(df > 0)) throw new RangeError('studentTQuantile: df must be positive');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let ofP = knownQuantiles.get(p);
  if (!ofP) {
    ofP = new Map();
    knownQuantiles.set(p, ofP);
  }
  let quantile = ofP.get(df);
  if (quantile === undefined) {
    quantile = bisectStudentT(p, df);
    ofP.set(df, quantile);
  }
  return quantile;
}

function bisectStudentT(p: number, df: number): number {
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The 95% confidence interval for the mean: x̄ ± t(0.975, n − 1) · s / √n. The t distribution (not 1.96) because
 * groups are small; undefined for n < 2, where the spread is unknown.
 */
export function meanConfidenceInterval(m: Moments, level = 0.95): Interval | undefined {
  const centre = mean(m);
  const sd = standardDeviation(m);
  if (centre === undefined || sd === undefined) return undefined;
  const halfWidth = (studentTQuantile(1 - (1 - level) / 2, m.n - 1) * sd) / Math.sqrt(m.n);
  return { lower: centre - halfWidth, upper: centre + halfWidth };
}
