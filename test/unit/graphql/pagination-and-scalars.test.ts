import {
  type Connection,
  connectionFromArray,
  connectionFromPage,
  pageArgs,
} from '../../../functions/graphql/pagination';
import { parseDate, parseDateTime } from '../../../functions/graphql/scalars';
import { CursorCodec, ephemeralCursorKey } from '../../../functions/platform/cursor-codec';
import { ValidationError } from '../../../functions/shared/errors';

const paging = (list = 'Referral.events:R1', key = ephemeralCursorKey()) => ({ cursors: new CursorCodec(key), list });

/** The nodes and edge cursors of a connection (cursors are sealed lazily, as promises GraphQL resolves). */
async function read<T>(connection: Connection<T>) {
  return {
    nodes: connection.edges.map((edge) => edge.node),
    cursors: await Promise.all(connection.edges.map((edge) => edge.cursor)),
    pageInfo: {
      hasNextPage: connection.pageInfo.hasNextPage,
      hasPreviousPage: connection.pageInfo.hasPreviousPage,
      startCursor: await connection.pageInfo.startCursor,
      endCursor: await connection.pageInfo.endCursor,
    },
  };
}

describe('pageArgs', () => {
  it('returns 20 when first is absent', async () => {
    await expect(pageArgs({}, paging())).resolves.toEqual({ limit: 20 });
  });

  it.each([0, 101, 2.5])('throws ValidationError naming first for %p', async (first) => {
    await expect(pageArgs({ first }, paging())).rejects.toMatchObject({ field: 'first' });
  });

  it('returns the position sealed in a cursor of the same list', async () => {
    const list = paging('caseload');
    const cursor = await list.cursors.seal('caseload', '{"pk":"a"}');

    await expect(pageArgs({ first: 5, after: cursor }, list)).resolves.toEqual({ limit: 5, after: '{"pk":"a"}' });
  });

  it('throws ValidationError naming after for an empty cursor', async () => {
    await expect(pageArgs({ after: '' }, paging())).rejects.toMatchObject({ field: 'after', code: 'BAD_USER_INPUT' });
  });
});

describe('connectionFromArray', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('returns pages that continue from endCursor until the list ends', async () => {
    const list = paging();
    const first = await read(await connectionFromArray(items, { first: 2 }, list));
    const second = await read(await connectionFromArray(items, { first: 2, after: first.pageInfo.endCursor }, list));
    const last = await read(await connectionFromArray(items, { first: 2, after: second.pageInfo.endCursor }, list));

    expect([first, second, last].map((page) => page.nodes)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect([first, second, last].map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect([first, second, last].map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
  });

  it('returns a cursor on every edge that resumes right after that edge', async () => {
    const list = paging();
    const page = await read(await connectionFromArray(items, { first: 4 }, list));

    const resumed = await Promise.all(
      page.cursors.map(
        async (after) => (await read(await connectionFromArray(items, { first: 1, after }, list))).nodes,
      ),
    );

    expect(resumed).toEqual([['b'], ['c'], ['d'], ['e']]);
    expect(new Set(page.cursors).size).toBe(4);
    expect(page.pageInfo.startCursor).toBe(page.cursors[0]);
    expect(page.pageInfo.endCursor).toBe(page.cursors[3]);
  });

  it('returns null start and end cursors for an empty page', async () => {
    const page = await read(await connectionFromArray([], { first: 3 }, paging()));

    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('throws ValidationError naming after for a cursor it did not give out', async () => {
    await expect(connectionFromArray(items, { after: 'bogus' }, paging())).rejects.toMatchObject({ field: 'after' });
  });

  it('throws ValidationError naming after for a cursor from the same list under another record', async () => {
    const key = ephemeralCursorKey();
    const events = await read(await connectionFromArray(items, { first: 2 }, paging('Referral.events:R1', key)));

    await expect(
      connectionFromArray(items, { after: events.pageInfo.endCursor }, paging('Referral.events:R2', key)),
    ).rejects.toMatchObject({ field: 'after', code: 'BAD_USER_INPUT' });
  });
});

describe('connectionFromPage', () => {
  it('returns each item with its own sealed position and a previous page when resumed', async () => {
    const list = paging('caseload');
    const page = await read(
      connectionFromPage(
        { items: ['x', 'y'], cursors: ['{"pk":"x"}', '{"pk":"y"}'], hasNextPage: true },
        { limit: 2, after: '{"pk":"w"}' },
        list,
      ),
    );

    const opened = await Promise.all(page.cursors.map((cursor) => list.cursors.open('caseload', cursor)));

    expect(opened).toEqual(['{"pk":"x"}', '{"pk":"y"}']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
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
