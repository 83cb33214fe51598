import fc from 'fast-check';
import {
  controlCount,
  controlInterval,
  controlMean,
  controlShare,
  MAX_NOISE,
  noiseAt,
  PERTURBATION_TABLE,
  recordKey,
  STATISTIC_MIN_RELEASED,
} from '../../../functions/outcomes/disclosure';
import { momentsOf } from '../../../functions/outcomes/statistics';

const keyOf = (ids: string[]) => ids.reduce((sum, id) => sum + recordKey(id), 0);

describe('the perturbation table', () => {
  it('returns noise of mean 0 within ±3, mostly 0 and rarely at the edges', () => {
    expect(PERTURBATION_TABLE).toHaveLength(256);
    expect(PERTURBATION_TABLE.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Math.max(...PERTURBATION_TABLE.map(Math.abs))).toBe(MAX_NOISE);
    expect(PERTURBATION_TABLE.filter((p) => p === 0)).toHaveLength(100);
    expect(PERTURBATION_TABLE.filter((p) => Math.abs(p) === MAX_NOISE)).toHaveLength(4);
  });
});

describe('controlCount', () => {
  it('returns counts of 0 to 7 suppressed, zero included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer(), (n, keySum) => {
        expect(controlCount({ n, keySum }, 'CONTROLLED')).toEqual({ value: null, suppressed: true });
      }),
    );
  });

  it('returns other counts perturbed by at most 3, rounded to 5, or suppressed when the noise takes them below 8', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 100_000 }), fc.integer({ min: -1e9, max: 1e9 }), (n, keySum) => {
        const released = controlCount({ n, keySum }, 'CONTROLLED');
        const noisy = n + noiseAt(keySum, 0);
        if (noisy < 8) expect(released).toEqual({ value: null, suppressed: true });
        else {
          expect(released.value! % 5).toBe(0);
          expect(Math.abs(released.value! - n)).toBeLessThanOrEqual(MAX_NOISE + 2);
        }
      }),
    );
  });

  it('returns the same released value for the same people however often, and exact counts when exempt', () => {
    const people = Array.from({ length: 23 }, (_, i) => `referral#R${i}#RECEIVED`);
    const once = controlCount({ n: 23, keySum: keyOf(people) }, 'CONTROLLED');
    const shuffled = [...people].reverse();

    expect(controlCount({ n: 23, keySum: keyOf(shuffled) }, 'CONTROLLED')).toEqual(once);
    // A key sum is taken mod 256, so a sum folded with withdrawals (negative parts) gives the same cell key.
    expect(controlCount({ n: 23, keySum: keyOf(people) - 256 * 7 }, 'CONTROLLED')).toEqual(once);
    expect(controlCount({ n: 23, keySum: 5 }, 'EXEMPT')).toEqual({ value: 23, suppressed: false });
  });

  it('returns different noise for cells one person apart, so differencing two answers leaves two noises', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const base = keyOf(Array.from({ length: 30 }, (_, j) => `f${i}-${j}`));
      seen.add(noiseAt(base + recordKey(`extra-${i}`), 0) - noiseAt(base, 0));
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});

describe('controlMean and controlInterval', () => {
  const scale = { min: 0, max: 10 };
  const released = (value: number) => ({ value, suppressed: false });

  it('returns a mean only beside a released count of at least 15, to 1 decimal, within a noise of the true mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 10, maxLength: 60 }),
        fc.integer(),
        (values, keySum) => {
          const m = momentsOf(values);
          const mean = controlMean(m, keySum, released(STATISTIC_MIN_RELEASED), scale, 'CONTROLLED');
          expect(mean.suppressed).toBe(false);
          expect(Math.round(mean.value! * 10)).toBe(mean.value! * 10);
          expect(Math.abs(mean.value! - m.sum / m.n)).toBeLessThanOrEqual(MAX_NOISE / m.n + 0.05 + 1e-9);
          expect(controlMean(m, keySum, released(10), scale, 'CONTROLLED')).toEqual({ value: null, suppressed: true });
          expect(controlMean(m, keySum, { value: null, suppressed: true }, scale, 'CONTROLLED').suppressed).toBe(true);
        },
      ),
    );
  });

  it('returns a mean that cannot certify everyone answered the same: all zeros may show above 0', () => {
    const zeros = momentsOf(Array.from({ length: 12 }, () => 0));
    const means = new Set(
      Array.from({ length: 256 }, (_, key) => controlMean(zeros, key, released(15), scale, 'CONTROLLED').value),
    );
    for (const mean of means) expect([0, 0.1, 0.2, 0.3]).toContain(mean);
    expect(means.size).toBeGreaterThan(1);
  });

  it('returns an interval centred on the released mean, and exact 2-decimal figures when exempt', () => {
    const m = momentsOf([3, 4, 5, 6, 7, 8, 4, 5, 6, 5, 5, 6]);
    const centre = { value: 5.4, suppressed: false };
    const interval = controlInterval(m, 77, released(15), centre, 'CONTROLLED');

    expect(interval.suppressed).toBe(false);
    expect(Number((interval.lower! + interval.upper!).toFixed(6)) / 2).toBeCloseTo(5.4, 6);
    expect(controlMean(m, 77, released(0), scale, 'EXEMPT')).toEqual({ value: 5.33, suppressed: false });
  });
});

describe('controlShare', () => {
  it('returns a percentage of two released counts, suppressed when either is', () => {
    expect(controlShare({ value: 10, suppressed: false }, { value: 40, suppressed: false })).toEqual({
      value: 25,
      suppressed: false,
    });
    expect(controlShare({ value: null, suppressed: true }, { value: 40, suppressed: false }).suppressed).toBe(true);
    expect(controlShare({ value: 10, suppressed: false }, { value: 0, suppressed: false })).toEqual({
      value: null,
      suppressed: false,
    });
  });
});
