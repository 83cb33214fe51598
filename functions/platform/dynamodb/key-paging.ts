import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../shared/errors';

/*
 * Keyset paging over one Query. The cursor is base64url(JSON(key of the last item returned)), used as
 * ExclusiveStartKey: the next page starts strictly after the last item the caller saw, so items inserted between
 * pages are neither repeated nor allow a gap (an insert before the cursor is simply not on a later page; one after
 * it is). Filters are applied by DynamoDB after `Limit`, so a thinned page is topped up with further rounds until it
 * is full or the index is exhausted. `first + 1` items are sought so `hasNextPage` is exact.
 */

type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor, checking it is a key of this index in this partition; anything else is a ValidationError. */
export function decodeCursor(cursor: string, keyFields: readonly string[], partition: Key, field = 'after'): Key {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
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
  hasNextPage: boolean;
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
  const pageRaws = raws.slice(0, first);
  const last = pageRaws.at(-1);
  return {
    items: request.parse(pageRaws),
    hasNextPage: raws.length > first,
    endCursor: last ? encodeCursor(Object.fromEntries(keyFields.map((name) => [name, String(last[name])]))) : undefined,
  };
}
