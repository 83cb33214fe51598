import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { decodeTime, monotonicFactory } from 'ulid';
import type { DataStore } from '../../functions/platform/dynamodb/client';

/**
 * Bulk fixtures that stay true to the real write path. A test about paging or request cost needs hundreds of
 * referrals, but not hundreds of trips through the use cases that make them (each a handful of requests and a
 * transaction). So: do it once through the real path, record every item that wrote, and write copies of those items
 * with BatchWriteItem, each copy with ids of its own. The copies are the real path's items byte for byte, except for
 * the ids and the values the test asks to vary, so they follow the use cases when those change.
 */

type Item = Record<string, unknown>;

/** What one run of the real path wrote. */
export interface RecordedWrites<T> {
  result: T;
  /** Every item that did not exist before. */
  items: Item[];
  /** The ids (ULIDs, UUIDs) that first appear in those items: each copy gets new ones. */
  ids: string[];
}

const ID = /\b(?:[0-7][0-9A-HJKMNP-TV-Z]{25}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

async function scanAll(store: DataStore): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await store.documentClient.send(
      new ScanCommand({ TableName: store.tableName, ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const keyOf = (item: Item) => `${item.pk}|${item.sk}`;

function stringsIn(value: unknown, found: Set<string>): void {
  if (typeof value === 'string') for (const match of value.match(ID) ?? []) found.add(match);
  else if (Array.isArray(value) || value instanceof Set) for (const member of value) stringsIn(member, found);
  else if (value && typeof value === 'object') for (const member of Object.values(value)) stringsIn(member, found);
}

/**
 * Runs `act` (the real path: a use case, a GraphQL mutation) on a table nothing else is writing to, and returns what
 * it wrote. Throws if it also changed an item that existed before: copies of the new items could not reproduce that.
 */
export async function recordWrites<T>(store: DataStore, act: () => Promise<T>): Promise<RecordedWrites<T>> {
  const before = new Map((await scanAll(store)).map((item) => [keyOf(item), JSON.stringify(item)]));
  const result = await act();
  const after = await scanAll(store);
  const changed = after.filter((item) => before.has(keyOf(item)) && before.get(keyOf(item)) !== JSON.stringify(item));
  if (changed.length > 0) {
    throw new Error(`recordWrites: the real path also changed existing items (${changed.map(keyOf).join(', ')})`);
  }
  const items = after.filter((item) => !before.has(keyOf(item)));
  const known = new Set<string>();
  for (const serialised of before.values()) for (const match of serialised.match(ID) ?? []) known.add(match);
  const seen = new Set<string>();
  stringsIn(items, seen);
  return { result, items, ids: [...seen].filter((id) => !known.has(id)) };
}

/** A copy's renaming: template value → the copy's value. Ids are added by `writeCopies`. */
export type Replacements = Readonly<Record<string, string>>;

function renamer(replacements: Map<string, string>): (value: string) => string {
  // Keys hold composite values lower-cased (ElectroDB's default), so each value is replaced in both spellings.
  const pairs = [...replacements].flatMap(([from, to]) => [
    [from, to],
    [from.toLowerCase(), to.toLowerCase()],
  ]);
  return (value) => pairs.reduce((text, [from, to]) => text.split(from!).join(to!), value);
}

function renamed(value: unknown, rename: (text: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((member) => renamed(member, rename));
  if (value instanceof Set) return new Set([...value].map((member) => renamed(member, rename)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, renamed(member, rename)]));
  }
  return value;
}

/**
 * Writes one copy of `recorded.items` per entry of `copies`, in BatchWriteItem requests of 25, each copy with new ids
 * and the template values its entry names replaced. New ULIDs come from `options.newId` (pass the application's
 * generator when the test relies on ids sorting in creation order), else they are made at the template's time. Returns each copy's
 * renaming, to find a copy's ids: `rename(templateReferralId)`. Throws before writing if two items would share a key.
 */
export async function writeCopies(
  store: DataStore,
  recorded: RecordedWrites<unknown>,
  copies: readonly Replacements[],
  options: { newId?: () => string } = {},
): Promise<((value: string) => string)[]> {
  const monotonic = monotonicFactory();
  const newUlid: (template: string) => string = options.newId ?? ((template) => monotonic(decodeTime(template)));
  const renames = copies.map((replacements) => {
    const ids = recorded.ids.map((id): [string, string] => [id, id.includes('-') ? randomUUID() : newUlid(id)]);
    return renamer(new Map([...ids, ...Object.entries(replacements)]));
  });
  const items = renames.flatMap((rename) => recorded.items.map((item) => renamed(item, rename) as Item));
  const keys = new Set([...recorded.items, ...items].map(keyOf));
  if (keys.size !== recorded.items.length + items.length) {
    throw new Error('writeCopies: two copies share a key; name the value that must differ in each copy');
  }
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  // A few requests in flight at once: enough to keep the emulator busy, not so many that they queue on its lock.
  for (let start = 0; start < batches.length; start += 4) {
    await Promise.all(batches.slice(start, start + 4).map((batch) => writeBatch(store, batch)));
  }
  return renames;
}

async function writeBatch(store: DataStore, items: Item[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > 8) throw new Error('writeCopies: DynamoDB left items unprocessed after 8 attempts');
    const { UnprocessedItems } = await store.documentClient.send(
      new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
    );
    pending = (UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
  }
}
