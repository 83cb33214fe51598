import { connectionFromArray, pageArgs } from '../../../functions/graphql/pagination';
import { parseDate, parseDateTime } from '../../../functions/graphql/scalars';
import { ValidationError } from '../../../functions/shared/errors';

describe('pageArgs', () => {
  it('returns 20 when first is absent', () => {
    expect(pageArgs({})).toEqual({ limit: 20 });
  });

  it.each([0, 101, 2.5])('throws ValidationError naming first for %p', (first) => {
    expect(() => pageArgs({ first })).toThrow(expect.objectContaining({ field: 'first' }));
  });
});

describe('connectionFromArray', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('returns pages that continue from endCursor until the list ends', () => {
    const first = connectionFromArray(items, { first: 2 });
    const second = connectionFromArray(items, { first: 2, after: first.pageInfo.endCursor });
    const last = connectionFromArray(items, { first: 2, after: second.pageInfo.endCursor });

    expect([first, second, last].map((page) => page.edges.map((edge) => edge.node))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect([first, second, last].map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
  });

  it('throws ValidationError naming after for a cursor it did not give out', () => {
    expect(() => connectionFromArray(items, { after: 'bogus' })).toThrow(ValidationError);
  });
});

describe('scalars', () => {
  it('returns a DateTime in UTC', () => {
    expect(parseDateTime('2026-03-02T10:00:00+01:00')).toBe('2026-03-02T09:00:00.000Z');
  });

  it.each(['2026-03-02', '2026-03-02T10:00:00', '2026-02-30T10:00:00Z', '2026-03-02T24:00:00Z'])(
    'throws ValidationError for DateTime %p',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(ValidationError);
    },
  );

  it('returns a leap day and refuses a day that does not exist', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(() => parseDate('2025-02-29')).toThrow('not a calendar date');
    expect(() => parseDate('2025-2-1')).toThrow('YYYY-MM-DD');
  });
});
