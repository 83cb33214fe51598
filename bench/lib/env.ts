import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import type { Principal } from '../../functions/identity/principal';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import { createDataStore, type DataStore } from '../../functions/platform/dynamodb/client';
import { type Clock, ManualClock } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import { localClient } from '../../scripts/lib/dynamodb-local';
import { ensureTable } from '../../scripts/lib/local-table';
import { countRequests, type RequestCounts } from '../../scripts/lib/request-counter';
import { type DemoData, seedDemoData } from '../../scripts/seed/demo';
import { SeededRandom } from '../../scripts/seed/random';

/*
 * What every benchmark case shares: a fresh table on DynamoDB Local (one per case, so counts and item totals never
 * mix), the demo organisations and staff (made through the real use cases), a request counter on the store's client,
 * and fast bulk writes for fixtures.
 */

/** Fixed seed: every run builds the same data. */
export const BENCH_SEED = 7_071_907;

/** A Monday 10:00 Europe/London (BST, so 09:00 UTC): inside the default sending window. */
export const BENCH_NOW = '2026-06-15T09:00:00.000Z';

export interface BenchTable {
  store: DataStore;
  counter: ReturnType<typeof countRequests>;
  random: SeededRandom;
  clock: ManualClock;
  demo: DemoData;
  /** Deletes the table: DynamoDB Local slows down as the tables it holds grow, so each case cleans up after itself. */
  drop(): Promise<void>;
}

let tableSequence = 0;

/** A new table named after the case, with the demo organisations and staff in it. */
export async function benchTable(endpoint: string, name: string, seed = BENCH_SEED): Promise<BenchTable> {
  tableSequence += 1;
  const tableName = `bench-${name}-${process.pid}-${tableSequence}`;
  const admin = localClient(endpoint);
  try {
    // Nothing folds from a bench table's stream (the outcomes case folds its deltas directly).
    await ensureTable(admin, tableName, { stream: false });
  } finally {
    admin.destroy();
  }
  const store = createDataStore({ tableName, endpoint });
  const clock = new ManualClock(BENCH_NOW);
  const random = new SeededRandom(seed);
  const demo = await seedDemoData(store, clock, random);
  const counter = countRequests(store.client);
  counter.reset();
  const drop = async () => {
    await store.client.send(new DeleteTableCommand({ TableName: tableName }));
    store.client.destroy();
  };
  return { store, counter, random, clock, demo, drop };
}

export function principalOf(user: StaffUser): Principal {
  return {
    userId: user.userId,
    role: user.role,
    organisationId: user.organisationId,
    ...(user.icbId ? { icbId: user.icbId } : {}),
    ...(user.pcnId ? { pcnId: user.pcnId } : {}),
  };
}

/** One more link worker in a PCN, through the real `registerStaffUser` use case. */
export async function registerLinkWorker(
  store: DataStore,
  clock: Clock,
  demo: DemoData,
  userId: string,
  pcnId: string,
): Promise<StaffUser> {
  const deps = { identity: new DynamoDbIdentityRepository(store), clock, newId: createIdGenerator(clock) };
  const user = await registerStaffUser(deps, {
    userId,
    role: 'LINK_WORKER',
    name: `Bench Worker ${userId}`,
    email: `${userId}@example.nhs.uk`,
    organisationId: pcnId,
    contactRoute: 'the surgery on 0113 496 0000',
  });
  demo.users.push(user);
  return user;
}

export function userOf(demo: DemoData, userId: string): StaffUser {
  const user = demo.users.find((candidate) => candidate.userId === userId);
  if (!user) throw new Error(`demo data has no user ${userId}`);
  return user;
}

const BATCH_WRITE_LIMIT = 25;

/** Writes items with BatchWriteItem (25 a request, `concurrency` requests at a time), retrying unprocessed items. */
export async function batchPut(
  store: DataStore,
  items: readonly Record<string, unknown>[],
  concurrency = 6,
): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) chunks.push(items.slice(i, i + BATCH_WRITE_LIMIT));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] as Record<string, unknown>[];
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 1; requests.length > 0; attempt++) {
        const output = await store.documentClient.send(
          new BatchWriteCommand({ RequestItems: { [store.tableName]: requests } }),
        );
        requests = (output.UnprocessedItems?.[store.tableName] ?? []) as typeof requests;
        if (requests.length > 0 && attempt >= 8) throw new Error(`batchPut: ${requests.length} items unprocessed`);
        if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
}

/** Runs `task` over `items` with at most `concurrency` in flight, keeping the results in order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

const READ_COMMANDS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

/** Requests split into reads and writes. */
export function readsAndWrites(counts: RequestCounts): { reads: number; writes: number } {
  let reads = 0;
  let writes = 0;
  for (const [command, n] of Object.entries(counts.byCommand)) {
    if (READ_COMMANDS.has(command)) reads += n;
    else writes += n;
  }
  return { reads, writes };
}

/**
 * Write units as DynamoDB would charge them, as far as the counts can tell: DynamoDB Local reports a flat 4 units
 * for any TransactWriteItems, so those 4 are replaced by 2 for each action in it (the price of a transactional write
 * of up to 1 KB). A lower bound: a transaction's index copies and items over 1 KB cost more.
 */
export function estimatedWriteUnits(counts: RequestCounts): number {
  const transactions = counts.byCommand.TransactWriteItemsCommand ?? 0;
  return counts.writeUnits - 4 * transactions + 2 * counts.transactActions;
}

/** `Query=1 BatchGetItem=2` for the counts column (the `Command` suffix dropped). */
export function commandMix(counts: RequestCounts, divisor = 1): string {
  return Object.entries(counts.byCommand)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([command, n]) => {
      const per = n / divisor;
      return `${command.replace(/Command$/, '').replace(/Item$/, '')}:${Number.isInteger(per) ? per : per.toFixed(2)}`;
    })
    .join(',');
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
