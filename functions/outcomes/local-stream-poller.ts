import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Shard } from '@aws-sdk/client-dynamodb-streams';
import { createDataStore } from '../platform/dynamodb/client';
import { outcomeFoldDeps } from './deps';
import type { StreamRecordInput } from './stream-records';
import { foldStreamRecords } from './use-cases/fold-stream-records';

/*
 * `npm start` has no Lambda event source mapping, so this reads DynamoDB Local's stream itself (DescribeStream →
 * GetShardIterator → GetRecords, in a loop) and folds what it finds exactly as the Lambda handler does. It starts
 * from the oldest record still in the stream (TRIM_HORIZON): after a restart it re-reads records already folded,
 * which the fold receipts make harmless. A batch that fails is retried from the same iterator on the next tick.
 */

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  onError: (error: unknown) => void;
  /** What to do with each batch of records; default: fold them into outcome figures. Throw to retry the batch. */
  handleRecords?: (records: StreamRecordInput[]) => Promise<void>;
  /** Pause between passes over the shards when there was nothing to read. */
  idleMs?: number;
  /**
   * Where to begin in each shard found at start: the oldest record still kept (default), or only what is written from
   * now on (after a bulk load whose figures came with it, e.g. the demo snapshot).
   */
  from?: 'TRIM_HORIZON' | 'LATEST';
}

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves after a full pass over every shard that found no new records (everything written so far is handled). */
  waitUntilIdle(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

interface ShardState {
  iterator?: string;
  done: boolean;
}

/**
 * The DynamoDB Streams client, loaded when a poller starts: this module is reached through the outcomes context's
 * front door, which every Lambda bundle imports, and a static import of an external package is required at module
 * load even where nothing calls it (the GraphQL function loaded this client at every cold start for nothing).
 */
function loadStreamsSdk(): typeof import('@aws-sdk/client-dynamodb-streams') {
  return require('@aws-sdk/client-dynamodb-streams');
}

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } = loadStreamsSdk();
  const config = { endpoint: options.endpoint, region: 'eu-west-2', credentials: CREDENTIALS };
  const streams = new DynamoDBStreamsClient(config);
  const dynamodb = new DynamoDBClient(config);
  const store = createDataStore({ tableName: options.tableName, endpoint: options.endpoint });
  const foldDeps = outcomeFoldDeps(store);
  const handle =
    options.handleRecords ??
    (async (records: StreamRecordInput[]) => {
      const report = await foldStreamRecords(foldDeps, records);
      if (report.failures.length > 0) throw report.failures[0]!.error;
    });
  const shards = new Map<string, ShardState>();
  let streamArn: string | undefined;
  let stopped = false;
  /** Shards there when the poller started; `from` applies to them only (a shard opened later is read whole). */
  let startedWith = new Set<string>();
  let idleWaiters: (() => void)[] = [];

  async function discoverShards(): Promise<Shard[]> {
    if (!streamArn) {
      const table = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
      streamArn = table.Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
    }
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return found;
  }

  /** One pass over the shards, parents before children; returns how many records were handled. */
  async function pass(): Promise<number> {
    let handled = 0;
    for (const shard of await discoverShards()) {
      const id = shard.ShardId!;
      const parent = shard.ParentShardId ? shards.get(shard.ParentShardId) : undefined;
      if (parent && !parent.done) continue;
      let state = shards.get(id);
      if (!state) {
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: id,
            ShardIteratorType: startedWith.has(id) ? (options.from ?? 'TRIM_HORIZON') : 'TRIM_HORIZON',
          }),
        );
        state = { iterator: ShardIterator, done: !ShardIterator };
        shards.set(id, state);
      }
      while (!state.done && state.iterator && !stopped) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }));
        const records = (page.Records ?? []) as StreamRecordInput[];
        if (records.length > 0) await handle(records);
        handled += records.length;
        state.iterator = page.NextShardIterator;
        if (!page.NextShardIterator) state.done = true;
        if (records.length === 0) break;
      }
    }
    return handled;
  }

  const loop = (async () => {
    startedWith = new Set((await discoverShards().catch(() => [])).map((shard) => shard.ShardId!));
    while (!stopped) {
      let handled = 0;
      try {
        handled = await pass();
      } catch (error) {
        if (!stopped) options.onError(error);
        handled = -1;
      }
      if (handled === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
      if (handled <= 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, options.idleMs ?? 250));
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      for (const resolve of idleWaiters) resolve();
      streams.destroy();
      dynamodb.destroy();
      store.client.destroy();
    },
    waitUntilIdle() {
      // The pass running now may have started before the caller's last write: wait for two idle passes.
      return new Promise<void>((resolve) => {
        idleWaiters.push(() => idleWaiters.push(resolve));
      });
    },
  };
}
