import fc from 'fast-check';
import {
  addMoments,
  mean,
  meanConfidenceInterval,
  momentsOf,
  sampleVariance,
  studentTCdf,
  studentTQuantile,
} from '../../../functions/outcomes/statistics';

function directVariance(values: number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, x) => a + (x - m) ** 2, 0) / (values.length - 1);
}

describe('statistics', () => {
  it('returns the mean and sample variance from running sums, equal to the two-pass computation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 400 }), (values) => {
        const m = momentsOf(values);

        expect(mean(m)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
        expect(sampleVariance(m)).toBeCloseTo(directVariance(values), 9);
      }),
    );
  });

  it('returns the same moments however the values are split between batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), fc.nat(), (values, cut) => {
        const at = values.length ? cut % (values.length + 1) : 0;

        const split = addMoments(momentsOf(values.slice(0, at)), momentsOf(values.slice(at)));

        expect(split).toEqual(momentsOf(values));
      }),
    );
  });

  it('returns undefined for the mean of nobody and the variance of fewer than two', () => {
    expect(mean(momentsOf([]))).toBeUndefined();
    expect(sampleVariance(momentsOf([4]))).toBeUndefined();
    expect(meanConfidenceInterval(momentsOf([4]))).toBeUndefined();
  });

  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [5, 2.5706],
    [7, 2.3646],
    [10, 2.2281],
    [30, 2.0423],
    [120, 1.9799],
    [100000, 1.96],
  ])('returns the 97.5%% t quantile for %i degrees of freedom from published tables', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('returns a quantile that the cdf maps back to its probability', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 8);
      }),
    );
  });

  it('returns a 95% interval of x̄ ± t·s/√n (worked example)', () => {
    // changes 1, 2, 3, 4, 5, 6, 7, 8: mean 4.5, s = 2.44949, t(0.975, 7) = 2.364624
    const interval = meanConfidenceInterval(momentsOf([1, 2, 3, 4, 5, 6, 7, 8]))!;

    const half = (2.364624 * Math.sqrt(6)) / Math.sqrt(8);
    expect(interval.lower).toBeCloseTo(4.5 - half, 5);
    expect(interval.upper).toBeCloseTo(4.5 + half, 5);
  });

  it('returns a zero-width interval when every change is the same', () => {
    const interval = meanConfidenceInterval(momentsOf([2, 2, 2, 2, 2, 2, 2, 2, 2]))!;

    expect(interval).toEqual({ lower: 2, upper: 2 });
  });

  it('throws when the probability is outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});
