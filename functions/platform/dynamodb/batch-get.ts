/** DynamoDB's limit on keys in one BatchGetItem. */
export const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Reads every id through an ElectroDB batch `get`, 100 keys a request, and retries the keys DynamoDB left
 * unprocessed (it may, under load) with backoff, so an id missing from the result really is missing from the table.
 * Callers act on absence (a patient with no record gets no text), so a skipped key must never look like one.
 */
export async function batchGetAll<T, K>(
  ids: readonly string[],
  get: (ids: string[]) => Promise<{ data: T[]; unprocessed: K[] }>,
  idOfItem: (item: T) => string,
  idOfKey: (key: K) => string,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const unique = [...new Set(ids)];
  for (const part of chunk(unique, BATCH_GET_LIMIT)) {
    let pending = part;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { data, unprocessed } = await get(pending);
      for (const item of data) found.set(idOfItem(item), item);
      pending = unprocessed.map(idOfKey);
      if (pending.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      await sleep(Math.round(2 ** attempt * 10 * (0.5 + Math.random())));
    }
  }
  return found;
}
