import { ManualClock, systemClock, toIsoDate } from '../../../functions/shared/clock';

describe('systemClock', () => {
  it('returns the current time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('ManualClock', () => {
  it('returns a fixed default start when given none', () => {
    expect(new ManualClock().now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('returns the start it was given until moved', () => {
    const clock = new ManualClock(new Date('2025-06-01T09:00:00Z'));
    expect(clock.now().toISOString()).toBe('2025-06-01T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-06-01T09:00:00.000Z');
  });

  it('returns the time given to set', () => {
    const clock = new ManualClock();
    clock.set('2026-02-03T04:05:06.789Z');
    expect(clock.now().toISOString()).toBe('2026-02-03T04:05:06.789Z');
    clock.set(new Date('2024-12-31T23:59:59Z'));
    expect(clock.now().toISOString()).toBe('2024-12-31T23:59:59.000Z');
  });

  it('returns the moved time from advance, forwards and back', () => {
    const clock = new ManualClock('2025-01-01T00:00:00Z');
    expect(clock.advance(90_000).toISOString()).toBe('2025-01-01T00:01:30.000Z');
    expect(clock.now().toISOString()).toBe('2025-01-01T00:01:30.000Z');
    expect(clock.advance(-30_000).toISOString()).toBe('2025-01-01T00:01:00.000Z');
  });

  it('returns a fresh Date each time, so mutating one does not move the clock', () => {
    const clock = new ManualClock('2025-01-01T00:00:00Z');
    clock.now().setUTCFullYear(1999);
    clock.advance(0).setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('throws when given an invalid date or step', () => {
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
    expect(() => new ManualClock().set(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => new ManualClock().advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => new ManualClock().advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('toIsoDate', () => {
  it('returns the UTC calendar date as YYYY-MM-DD', () => {
    expect(toIsoDate(new Date('2025-03-09T12:00:00Z'))).toBe('2025-03-09');
    expect(toIsoDate(new Date('2025-01-01T00:30:00+01:00'))).toBe('2024-12-31');
    expect(toIsoDate(new Date('2025-03-30T23:30:00-01:00'))).toBe('2025-03-31');
  });

  it('throws when the date is invalid', () => {
    expect(() => toIsoDate(new Date('nope'))).toThrow(RangeError);
  });
});
