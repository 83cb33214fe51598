import type { CursorCodec } from '../platform/cursor-codec';
import { ValidationError } from '../shared/errors';

/*
 * Relay connections (https://relay.dev/graphql/connections.htm), paged forwards with `first`/`after`. Every edge has
 * its own cursor: passing it as `after` resumes right after that edge. Cursors are positions sealed by the
 * CursorCodec (opaque, tamper-evident, bound to the list that gave them out); a cursor that was altered, sealed with
 * another key or given out by another list is BAD_USER_INPUT naming `after`. Lists read from DynamoDB carry each
 * item's key as its position (platform/dynamodb/key-paging.ts checks it again against the index and partition);
 * lists already in memory carry the item's offset.
 */

/** Largest page any connection returns; larger `first` values are refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `first` is omitted. */
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Which list a cursor belongs to, and the codec that seals it. `list` names the field and, for a list under a
 * record, the record: `caseload`, `Referral.events:<referralId>`.
 */
export interface ListPaging {
  cursors: CursorCodec;
  list: string;
}

export interface Page {
  limit: number;
  /** The position inside `after`, once opened. */
  after?: string;
}

/**
 * Checks `first` (1..100, default 20) and opens `after`; throws ValidationError naming `first` or `after`. An
 * explicit null `after` means the first page; an empty string is not a cursor and is refused like any other.
 */
export async function pageArgs(args: PageArgs, paging: ListPaging): Promise<Page> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  if (args.after === undefined || args.after === null) return { limit: first };
  return { limit: first, after: await paging.cursors.open(paging.list, args.after) };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * A connection whose edge cursors (and `startCursor`/`endCursor`) are sealed only if the client asks for them:
 * graphql-js resolves a field whose value is a promise, so each is a memoised promise behind a getter. Sealing costs
 * a fraction of a millisecond per cursor, which a page of 100 rows should not pay for cursors nobody selected.
 */
function lazyConnection<T>(
  nodes: readonly T[],
  positions: readonly string[],
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean },
  paging: ListPaging,
): Connection<T> {
  const sealed = new Map<number, Promise<string>>();
  // A promise typed as the string it resolves to: what the GraphQL types declare, and what clients receive.
  const cursorAt = (index: number): string => {
    let cursor = sealed.get(index);
    if (!cursor) {
      cursor = paging.cursors.seal(paging.list, positions[index]!);
      sealed.set(index, cursor);
    }
    return cursor as unknown as string;
  };
  const last = nodes.length - 1;
  return {
    edges: nodes.map((node, index) => ({
      node,
      get cursor() {
        return cursorAt(index);
      },
    })),
    pageInfo: {
      ...pageInfo,
      get startCursor() {
        return last < 0 ? null : cursorAt(0);
      },
      get endCursor() {
        return last < 0 ? null : cursorAt(last);
      },
    },
  };
}

/**
 * A connection over a page the store read by keyset paging: `positions[i]` is where `items[i]` sits in its index.
 * `hasPreviousPage` is true when the page was asked for with `after` (items preceded the cursor when it was given
 * out), which is what a forward-paging server may report under the Relay spec.
 */
export function connectionFromPage<T>(
  page: { items: readonly T[]; cursors: readonly string[]; hasNextPage: boolean },
  request: Page,
  paging: ListPaging,
): Connection<T> {
  if (page.cursors.length !== page.items.length) throw new Error('Every item of a page needs its own position');
  return lazyConnection(
    page.items,
    page.cursors,
    { hasNextPage: page.hasNextPage, hasPreviousPage: request.after !== undefined },
    paging,
  );
}

const OFFSET = /^(0|[1-9]\d{0,8})$/;

/**
 * A connection over a list already in memory (a referral's events, goals, prescriptions: one item collection, read
 * in one Query). Each edge's position is its offset in the list.
 */
export async function connectionFromArray<T>(
  items: readonly T[],
  args: PageArgs,
  paging: ListPaging,
): Promise<Connection<T>> {
  const { limit, after } = await pageArgs(args, paging);
  if (after !== undefined && !OFFSET.test(after))
    throw new ValidationError('after', 'is not a cursor this list gave out');
  const start = after === undefined ? 0 : Number(after) + 1;
  const slice = items.slice(start, start + limit);
  return lazyConnection(
    slice,
    slice.map((_, i) => String(start + i)),
    { hasNextPage: start + limit < items.length, hasPreviousPage: start > 0 },
    paging,
  );
}
