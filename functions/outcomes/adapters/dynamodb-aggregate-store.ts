import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import type { AggregateDelta } from '../aggregation';
import { aggregateEntity, COUNTER_PREFIX } from '../entities/aggregate';
import { foldReceiptEntity } from '../entities/fold-receipt';
import type { Counters } from '../facts';
import {
  type AggregateStore,
  type FoldWriteResult,
  MAX_COUNTERS_PER_UPDATE,
  type ReadMeter,
  type ReceiptChange,
  type StoredAggregate,
} from '../ports';
import { type Dimension, type Scope, scopeKey } from '../vocabulary';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions in one transaction. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** Repair writes in flight at once. */
const ADD_CONCURRENCY = 8;

/** Sort keys read `…#period_<id>#group_<g>`: `~` sorts after `#`, so `<last>~` bounds a month range from above. */
const AFTER_PERIOD = '~';

export class DynamoDbAggregateStore implements AggregateStore {
  private readonly aggregates;
  private readonly receipts;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.aggregates = aggregateEntity(config);
    this.receipts = foldReceiptEntity(config);
  }

  private receiptKey(factId: string): Record<string, unknown> {
    return this.receipts.get({ factId }).params().Key as Record<string, unknown>;
  }

  async receiptContents(factIds: readonly string[]): Promise<Map<string, string>> {
    const contents = new Map<string, string>();
    const unique = [...new Set(factIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => this.receiptKey(id));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        const response = await this.store.documentClient.send(
          new BatchGetCommand({
            RequestItems: {
              [this.store.tableName]: {
                Keys: keys,
                ProjectionExpression: 'factId, content',
                ConsistentRead: true,
              },
            },
          }),
        );
        for (const item of response.Responses?.[this.store.tableName] ?? []) {
          contents.set(item.factId as string, (item.content as string | undefined) ?? '');
        }
        keys = response.UnprocessedKeys?.[this.store.tableName]?.Keys as Record<string, unknown>[] | undefined;
        if (keys?.length) await backoff(attempt);
      }
    }
    return contents;
  }

  private receiptAction(change: ReceiptChange, at: string): TransactItem {
    if (change.from === undefined) {
      const params = this.receipts.create({ factId: change.factId, content: change.to, foldedAt: at }).params();
      return {
        Put: {
          TableName: this.store.tableName,
          Item: params.Item,
          ConditionExpression: params.ConditionExpression,
          ExpressionAttributeNames: params.ExpressionAttributeNames,
        },
      };
    }
    return {
      Update: {
        TableName: this.store.tableName,
        Key: this.receiptKey(change.factId),
        UpdateExpression: 'SET #content = :to, #foldedAt = :at',
        ConditionExpression: '#content = :from',
        ExpressionAttributeNames: { '#content': 'content', '#foldedAt': 'foldedAt' },
        ExpressionAttributeValues: { ':to': change.to, ':from': change.from, ':at': at },
      },
    };
  }

  async applyChanges(
    changes: readonly ReceiptChange[],
    deltas: readonly AggregateDelta[],
    at: string,
  ): Promise<FoldWriteResult> {
    const updates = deltas
      .filter((delta) => Object.keys(delta.counters).length > 0)
      .map((delta): TransactItem => ({ Update: this.addUpdate(delta, at) }));
    const items = [...changes.map((change) => this.receiptAction(change, at)), ...updates];
    const crowded = deltas.find((delta) => Object.keys(delta.counters).length > MAX_COUNTERS_PER_UPDATE);
    if (crowded) throw new RangeError(`A fold adds more than ${MAX_COUNTERS_PER_UPDATE} counters to one item`);
    if (items.length > MAX_TRANSACTION_ACTIONS) {
      throw new RangeError(`A fold of ${items.length} actions exceeds the ${MAX_TRANSACTION_ACTIONS}-action limit`);
    }
    if (items.length === 0) return { status: 'FOLDED' };
    try {
      await this.store.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      return { status: 'FOLDED' };
    } catch (error) {
      const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
      const conflicted = changes.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((c) => c.factId);
      if (conflicted.length === 0) throw error;
      return { status: 'CANCELLED', conflicted };
    }
  }

  /** ElectroDB's update (keys and identity attributes) plus one `ADD` per counter. */
  private addUpdate(delta: AggregateDelta, updatedAt: string) {
    const params = this.aggregates
      .update({ scope: scopeKey(delta.scope), dimension: delta.dimension, period: delta.period, group: delta.group })
      .set({ updatedAt })
      .params();
    const names: Record<string, string> = { ...params.ExpressionAttributeNames };
    const values: Record<string, unknown> = { ...params.ExpressionAttributeValues };
    // Short placeholders: an update expression may be at most 4 KB (MAX_COUNTERS_PER_UPDATE keeps it under).
    const adds = Object.entries(delta.counters).map(([counter, value], i) => {
      const tag = i.toString(36);
      names[`#${tag}`] = `${COUNTER_PREFIX}${counter}`;
      values[`:${tag}`] = value;
      return `#${tag} :${tag}`;
    });
    return {
      TableName: this.store.tableName,
      Key: params.Key,
      UpdateExpression: `${params.UpdateExpression} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  async readAggregates(
    scope: Scope,
    dimension: Dimension,
    first: string,
    last: string,
    meter?: ReadMeter,
  ): Promise<StoredAggregate[]> {
    const query = this.aggregates.query;
    const params = (
      first === last
        ? query.byScope({ scope: scopeKey(scope), dimension, period: first })
        : query
            .byScope({ scope: scopeKey(scope), dimension })
            .between({ period: first }, { period: `${last}${AFTER_PERIOD}` })
    ).params() as QueryCommandInput;
    const found: StoredAggregate[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const response = await this.store.documentClient.send(
        new QueryCommand({ ...params, ExclusiveStartKey: startKey, ReturnConsumedCapacity: 'TOTAL' }),
      );
      if (meter) {
        meter.requests += 1;
        meter.itemsRead += response.ScannedCount ?? response.Items?.length ?? 0;
        meter.capacityUnits += response.ConsumedCapacity?.CapacityUnits ?? 0;
      }
      for (const item of response.Items ?? []) {
        found.push({ period: item.period, group: item.group, counters: countersOf(item) });
      }
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async addToAggregates(deltas: readonly AggregateDelta[], at: string): Promise<void> {
    const pending = deltas.flatMap((delta) => {
      const entries = Object.entries(delta.counters);
      const chunks: AggregateDelta[] = [];
      for (let i = 0; i < entries.length; i += MAX_COUNTERS_PER_UPDATE) {
        chunks.push({ ...delta, counters: Object.fromEntries(entries.slice(i, i + MAX_COUNTERS_PER_UPDATE)) });
      }
      return chunks;
    });
    // Each item is one ADD update; a few at a time (every item is its own partition key's item).
    await Promise.all(
      Array.from({ length: Math.min(ADD_CONCURRENCY, pending.length) }, async () => {
        for (let delta = pending.shift(); delta !== undefined; delta = pending.shift()) {
          await this.store.documentClient.send(new UpdateCommand(this.addUpdate(delta, at)));
        }
      }),
    );
  }

  async putReceipts(receipts: readonly { factId: string; content: string }[], at: string): Promise<void> {
    const requests = receipts.map((receipt) => ({
      PutRequest: { Item: this.receipts.put({ ...receipt, foldedAt: at }).params().Item },
    }));
    for (let i = 0; i < requests.length; i += 25) {
      let pending: typeof requests | undefined = requests.slice(i, i + 25);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        const response = await this.store.documentClient.send(
          new BatchWriteCommand({ RequestItems: { [this.store.tableName]: pending } }),
        );
        pending = response.UnprocessedItems?.[this.store.tableName] as typeof requests | undefined;
        if (pending?.length) await backoff(attempt);
      }
    }
  }
}

/** The counters of a stored item (revisions included, under their own names). */
export function countersOf(item: Record<string, unknown>): Counters {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(COUNTER_PREFIX) && typeof value === 'number' && value !== 0) {
      counters[name.slice(COUNTER_PREFIX.length)] = value;
    }
  }
  return counters;
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
}
