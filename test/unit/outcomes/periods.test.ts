import {
  isPublished,
  isReleased,
  parsePeriod,
  periodById,
  periodsOfMonth,
  releasedPeriods,
  releaseInstant,
  revisionOf,
} from '../../../functions/outcomes/periods';
import { ValidationError } from '../../../functions/shared/errors';

describe('the reporting-period catalogue', () => {
  it('returns a month, an NHS financial quarter and a financial year with their months and days', () => {
    expect(parsePeriod('2026-02')).toEqual({
      id: '2026-02',
      kind: 'MONTH',
      from: '2026-02-01',
      to: '2026-02-28',
      months: ['2026-02'],
    });
    expect(parsePeriod('FY2025-26-Q4')).toMatchObject({
      kind: 'QUARTER',
      from: '2026-01-01',
      to: '2026-03-31',
      months: ['2026-01', '2026-02', '2026-03'],
    });
    expect(parsePeriod('FY2025-26-Q1').months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(parsePeriod('FY2025-26')).toMatchObject({ kind: 'YEAR', from: '2025-04-01', to: '2026-03-31' });
    expect(parsePeriod('FY2025-26').months).toHaveLength(12);
  });

  it.each(['2026-13', '2026-1', 'FY2025-27', 'FY2025-26-Q5', '2026-01-01', 'Q1', ''])(
    'throws naming the period field for %p',
    (id) => {
      expect(() => parsePeriod(id)).toThrow(ValidationError);
      expect(() => parsePeriod(id)).toThrow(/^period:/);
    },
  );

  it('returns the month, quarter and year each month belongs to, and every one of them contains the month', () => {
    expect(periodsOfMonth('2025-04')).toEqual(['2025-04', 'FY2025-26-Q1', 'FY2025-26']);
    expect(periodsOfMonth('2025-12')).toEqual(['2025-12', 'FY2025-26-Q3', 'FY2025-26']);
    expect(periodsOfMonth('2026-03')).toEqual(['2026-03', 'FY2025-26-Q4', 'FY2025-26']);
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      for (const id of periodsOfMonth(month)) expect(periodById(id)!.months).toContain(month);
    }
  });
});

describe('the release calendar', () => {
  it('releases a month on the 11th day after it ends, and a quarter or year with its last month', () => {
    expect(releaseInstant('2026-01').toISOString()).toBe('2026-02-11T00:00:00.000Z');
    expect(releaseInstant('2025-12').toISOString()).toBe('2026-01-11T00:00:00.000Z');
    expect(releaseInstant('FY2025-26-Q4').toISOString()).toBe('2026-04-11T00:00:00.000Z');
    expect(releaseInstant('FY2025-26').toISOString()).toBe('2026-04-11T00:00:00.000Z');
    expect(isReleased('2026-01', new Date('2026-02-10T23:59:59Z'))).toBe(false);
    expect(isReleased('2026-01', new Date('2026-02-11T00:00:00Z'))).toBe(true);
  });

  it('returns a record written before release as part of the first release, and a later one as a revision of its month', () => {
    expect(revisionOf('2026-01', '2026-02-10T12:00:00Z')).toBe('');
    expect(revisionOf('2026-01', '2026-03-04T12:00:00Z')).toBe('2026-03');
    expect(isPublished('2026-03', new Date('2026-04-10T00:00:00Z'))).toBe(false);
    expect(isPublished('2026-03', new Date('2026-04-11T00:00:00Z'))).toBe(true);
    expect(isPublished('', new Date(0))).toBe(true);
  });

  it('returns the latest released periods of a kind, newest first', () => {
    const now = new Date('2026-04-15T00:00:00Z');
    expect(releasedPeriods('MONTH', now, 3).map((p) => p.id)).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(releasedPeriods('QUARTER', now, 2).map((p) => p.id)).toEqual(['FY2025-26-Q4', 'FY2025-26-Q3']);
    expect(releasedPeriods('YEAR', now, 1).map((p) => p.id)).toEqual(['FY2025-26']);
    expect(releasedPeriods('MONTH', new Date('2026-04-10T00:00:00Z'), 1).map((p) => p.id)).toEqual(['2026-02']);
  });
});
