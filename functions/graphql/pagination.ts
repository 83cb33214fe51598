import { ValidationError } from '../shared/errors';

/** Largest page any connection returns; larger `first` values are refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;
/** Page size when `first` is omitted. */
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  limit: number;
  after?: string;
}

/** Checks `first` (1..100, default 20) and passes the opaque cursor through; throws ValidationError naming `first`. */
export function pageArgs(args: PageArgs): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { limit: first, ...(args.after ? { after: args.after } : {}) };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A connection over one page the store returned. DynamoDB gives one cursor per page (the last key read, wrapped by the
 * context), so every edge carries the page's end cursor: resuming from any edge continues after the page.
 */
export function connectionFromPage<T>(
  items: readonly T[],
  page: { hasNextPage: boolean; endCursor?: string | null },
): Connection<T> {
  const endCursor = page.endCursor ?? null;
  return {
    edges: items.map((node) => ({ cursor: endCursor ?? '', node })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor },
  };
}

const OFFSET_PREFIX = 'o:';

function encodeOffset(offset: number): string {
  return Buffer.from(`${OFFSET_PREFIX}${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(OFFSET_PREFIX.length));
  if (!text.startsWith(OFFSET_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new ValidationError('after', 'is not a cursor this list gave out');
  }
  return offset;
}

/**
 * A connection over a list already in memory (a referral's events, goals, prescriptions: one item collection, read in
 * one Query). Each edge's cursor is its position.
 */
export function connectionFromArray<T>(items: readonly T[], args: PageArgs): Connection<T> {
  const { limit, after } = pageArgs(args);
  const start = after === undefined ? 0 : decodeOffset(after) + 1;
  const slice = items.slice(start, start + limit);
  const edges = slice.map((node, i) => ({ cursor: encodeOffset(start + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + limit < items.length, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
