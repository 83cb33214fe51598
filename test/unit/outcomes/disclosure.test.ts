import fc from 'fast-check';
import {
  controlCount,
  controlInterval,
  controlShare,
  controlStatistic,
  roundToNearest5,
} from '../../../functions/outcomes/disclosure';

describe('disclosure control', () => {
  it.each([
    [0, { value: 0, suppressed: false }],
    [1, { value: null, suppressed: true }],
    [7, { value: null, suppressed: true }],
    [8, { value: 10, suppressed: false }],
    [12, { value: 10, suppressed: false }],
    [13, { value: 15, suppressed: false }],
    [102, { value: 100, suppressed: false }],
  ])('returns count %i as %j', (n, expected) => {
    expect(controlCount(n, 'CONTROLLED')).toEqual(expected);
  });

  it('returns every count unchanged when exempt (national figures)', () => {
    fc.assert(fc.property(fc.nat(), (n) => expect(controlCount(n, 'EXEMPT')).toEqual({ value: n, suppressed: false })));
  });

  it('never releases a count of 1 to 7, and releases others within 2 of the truth as a multiple of 5', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        const released = controlCount(n, 'CONTROLLED');

        if (n >= 1 && n <= 7) {
          expect(released).toEqual({ value: null, suppressed: true });
        } else {
          expect(released.suppressed).toBe(false);
          expect(released.value! % 5).toBe(0);
          expect(Math.abs(released.value! - n)).toBeLessThanOrEqual(2);
          expect(released.value === 0).toBe(n === 0);
        }
      }),
    );
  });

  it('returns a suppressed value rather than a number for a negative count', () => {
    expect(controlCount(-1, 'CONTROLLED')).toEqual({ value: null, suppressed: true });
  });

  it('rounds to the nearest 5 monotonically', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        expect(a <= b ? roundToNearest5(a) <= roundToNearest5(b) : roundToNearest5(a) >= roundToNearest5(b)).toBe(true);
      }),
    );
  });

  it('suppresses a statistic from 1–7 people and reports others to 2 decimals', () => {
    expect(controlStatistic(6.384615, 7, 'CONTROLLED')).toEqual({ value: null, suppressed: true });
    expect(controlStatistic(6.384615, 13, 'CONTROLLED')).toEqual({ value: 6.38, suppressed: false });
    expect(controlStatistic(6.384615, 3, 'EXEMPT')).toEqual({ value: 6.38, suppressed: false });
    expect(controlStatistic(undefined, 0, 'CONTROLLED')).toEqual({ value: null, suppressed: false });
  });

  it('suppresses an interval from 1–7 people and keeps others unrounded to 5', () => {
    expect(controlInterval({ lower: 0.1234, upper: 3.456 }, 5, 'CONTROLLED')).toEqual({
      lower: null,
      upper: null,
      suppressed: true,
    });
    expect(controlInterval({ lower: 0.1234, upper: 3.456 }, 8, 'CONTROLLED')).toEqual({
      lower: 0.12,
      upper: 3.46,
      suppressed: false,
    });
  });

  it('returns a percentage from the rounded counts, suppressed when either count is', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), (a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const top = controlCount(numerator, 'CONTROLLED');
        const bottom = controlCount(denominator, 'CONTROLLED');

        const share = controlShare(top, bottom);

        if (top.suppressed || bottom.suppressed) expect(share).toEqual({ value: null, suppressed: true });
        else if (bottom.value === 0) expect(share).toEqual({ value: null, suppressed: false });
        else expect(share.value).toBeCloseTo((100 * top.value!) / bottom.value!, 1);
      }),
    );
  });
});

describe('disclosure control of statistics', () => {
  it('suppresses an interval from one person the same way as from two to seven', () => {
    for (const people of [1, 2, 7]) {
      expect(controlInterval(undefined, people, 'CONTROLLED')).toEqual({ lower: null, upper: null, suppressed: true });
      expect(controlStatistic(undefined, people, 'CONTROLLED')).toEqual({ value: null, suppressed: true });
    }
  });
});
