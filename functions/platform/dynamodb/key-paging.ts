import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../shared/errors';

/*
 * Keyset paging over one Query. Each item's position is JSON(its key in the index), used as ExclusiveStartKey: the
 * next page starts strictly after the item the caller resumes from, so items inserted between pages are neither
 * repeated nor allow a gap (an insert before the position is simply not on a later page; one after it is). Every
 * item gets its own position, so a client may resume right after any item of a page, not only the last. Filters are
 * applied by DynamoDB after `Limit`, so a thinned page is topped up with further rounds until it is full or the index
 * is exhausted. `first + 1` items are sought so `hasNextPage` is exact.
 *
 * Positions are not what clients see: the GraphQL edge seals them into opaque, tamper-evident cursors bound to
 * their list (platform/cursor-codec.ts, graphql/pagination.ts). They are still checked here against the index and
 * partition they are used on, so a sealed cursor of one caseload cannot page another.
 */

type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return JSON.stringify(key);
}

/** Decodes a position, checking it is a key of this index in this partition; anything else is a ValidationError. */
export function decodeCursor(cursor: string, keyFields: readonly string[], partition: Key, field = 'after'): Key {
  let decoded: unknown;
  try {
    decoded = JSON.parse(cursor);
  } catch {
    throw new ValidationError(field, 'is not a cursor returned by this query');
  }
  const ok =
    typeof decoded === 'object' &&
    decoded !== null &&
    Object.keys(decoded).length === keyFields.length &&
    keyFields.every((name) => typeof (decoded as Key)[name] === 'string') &&
    Object.entries(partition).every(([name, value]) => (decoded as Key)[name] === value);
  if (!ok) throw new ValidationError(field, 'is not a cursor returned by this query');
  return decoded as Key;
}

export interface KeyPageRequest<T> {
  documentClient: DynamoDBDocumentClient;
  /** The Query as ElectroDB built it (key condition, filters); Limit and ExclusiveStartKey are set here. */
  params: QueryCommandInput;
  /** Attributes making up an item's position in the index: table key plus the index key. */
  keyFields: readonly string[];
  /** The partition-key attribute and value every cursor must carry. */
  partition: Key;
  first: number;
  after?: string;
  /** Turns raw items into domain items (ElectroDB's `parse`), dropping any that are not the entity's. */
  parse: (items: Record<string, unknown>[]) => T[];
  /** For tests and metrics: how many Query requests the page cost. */
  onRequest?: () => void;
}

export interface KeyPage<T> {
  items: T[];
  /** Each item's position, in step with `items`: resuming from `cursors[i]` continues right after `items[i]`. */
  cursors: string[];
  hasNextPage: boolean;
  /** The last item's position (absent on an empty page). */
  endCursor?: string;
}

/** Rounds after the first read more per request, so a sparse filter does not cost a request per `first` items. */
const TOP_UP_LIMIT = 1000;

export async function queryKeyPage<T>(request: KeyPageRequest<T>): Promise<KeyPage<T>> {
  const { first, keyFields } = request;
  const wanted = first + 1;
  let startKey = request.after ? decodeCursor(request.after, keyFields, request.partition) : undefined;
  const raws: Record<string, unknown>[] = [];
  let exhausted = false;
  for (let round = 0; raws.length < wanted && !exhausted; round++) {
    const output = await request.documentClient.send(
      new QueryCommand({
        ...request.params,
        Limit: round === 0 ? wanted : Math.max(wanted, TOP_UP_LIMIT),
        ExclusiveStartKey: startKey,
      }),
    );
    request.onRequest?.();
    raws.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey as Key | undefined;
    if (!startKey) exhausted = true;
  }
  const items: T[] = [];
  const cursors: string[] = [];
  for (const raw of raws.slice(0, first)) {
    // One at a time, so an item the parser drops (another entity's, in an overloaded index) takes its position along.
    const [item] = request.parse([raw]);
    if (item === undefined) continue;
    items.push(item);
    cursors.push(encodeCursor(Object.fromEntries(keyFields.map((name) => [name, String(raw[name])]))));
  }
  return { items, cursors, hasNextPage: raws.length > first, endCursor: cursors.at(-1) };
}
