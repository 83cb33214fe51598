import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import type { AggregateDelta } from '../aggregation';
import { aggregateEntity, COUNTER_PREFIX } from '../entities/aggregate';
import { foldReceiptEntity } from '../entities/fold-receipt';
import type { Counters, Fact } from '../facts';
import type { AggregateStore, FoldWriteResult, ReadMeter, StoredAggregate } from '../ports';
import { type Dimension, nextMonth, type Scope, scopeKey } from '../vocabulary';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions in one transaction. */
export const MAX_TRANSACTION_ACTIONS = 100;

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

  async foldedFactIds(factIds: readonly string[]): Promise<Set<string>> {
    const folded = new Set<string>();
    const unique = [...new Set(factIds)];
    for (let i = 0; i < unique.length; i += 100) {
      const keyToFact = new Map(unique.slice(i, i + 100).map((id) => [JSON.stringify(this.receiptKey(id)), id]));
      let keys: Record<string, unknown>[] | undefined = [...keyToFact.keys()].map((k) => JSON.parse(k));
      for (let attempt = 0; keys && keys.length > 0; attempt++) {
        const response = await this.store.documentClient.send(
          new BatchGetCommand({
            RequestItems: { [this.store.tableName]: { Keys: keys, ProjectionExpression: 'pk, sk, factId' } },
          }),
        );
        for (const item of response.Responses?.[this.store.tableName] ?? []) folded.add(item.factId as string);
        keys = response.UnprocessedKeys?.[this.store.tableName]?.Keys as Record<string, unknown>[] | undefined;
        if (keys?.length) await backoff(attempt);
      }
    }
    return folded;
  }

  async foldTogether(
    facts: readonly Fact[],
    deltas: readonly AggregateDelta[],
    foldedAt: string,
  ): Promise<FoldWriteResult> {
    const receiptPuts: TransactItem[] = facts.map((fact) => {
      const params = this.receipts.create({ factId: fact.id, month: fact.month, foldedAt }).params();
      return {
        Put: {
          TableName: this.store.tableName,
          Item: params.Item,
          ConditionExpression: params.ConditionExpression,
          ExpressionAttributeNames: params.ExpressionAttributeNames,
        },
      };
    });
    const required = facts.filter((fact) => fact.requires !== undefined);
    const checks: TransactItem[] = required.map((fact) => ({
      ConditionCheck: {
        TableName: this.store.tableName,
        Key: this.receiptKey(fact.requires!),
        ConditionExpression: 'attribute_exists(pk)',
      },
    }));
    const updates = deltas
      .filter((delta) => Object.keys(delta.counters).length > 0)
      .map((delta): TransactItem => ({ Update: this.addUpdate(delta, foldedAt) }));
    const items = [...receiptPuts, ...checks, ...updates];
    if (items.length > MAX_TRANSACTION_ACTIONS) {
      throw new RangeError(`A fold of ${items.length} actions exceeds the ${MAX_TRANSACTION_ACTIONS}-action limit`);
    }
    try {
      await this.store.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      return { status: 'FOLDED' };
    } catch (error) {
      const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
      const failed = (index: number) => reasons[index]?.Code === 'ConditionalCheckFailed';
      const alreadyFolded = facts.filter((_, i) => failed(i)).map((fact) => fact.id);
      const requirementMissing = required.filter((_, i) => failed(facts.length + i)).map((fact) => fact.id);
      if (alreadyFolded.length === 0 && requirementMissing.length === 0) throw error;
      return { status: 'CANCELLED', alreadyFolded, requirementMissing };
    }
  }

  /** ElectroDB's update (keys and identity attributes) plus one `ADD` per counter. */
  private addUpdate(delta: AggregateDelta, updatedAt: string) {
    const params = this.aggregates
      .update({ scope: scopeKey(delta.scope), dimension: delta.dimension, month: delta.month, group: delta.group })
      .set({ updatedAt })
      .params();
    const names: Record<string, string> = { ...params.ExpressionAttributeNames };
    const values: Record<string, unknown> = { ...params.ExpressionAttributeValues };
    const adds = Object.entries(delta.counters).map(([counter, value], i) => {
      names[`#c${i}`] = `${COUNTER_PREFIX}${counter}`;
      values[`:c${i}`] = value;
      return `#c${i} :c${i}`;
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
    firstMonth: string,
    lastMonth: string,
    meter?: ReadMeter,
  ): Promise<StoredAggregate[]> {
    // Sort keys read `…#month_<YYYY-MM>#group_<g>`: the month after the last bounds the range from above.
    const params = this.aggregates.query
      .byScope({ scope: scopeKey(scope), dimension })
      .between({ month: firstMonth }, { month: nextMonth(lastMonth) })
      .params() as QueryCommandInput;
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
        if (item.month > lastMonth) continue;
        found.push({ month: item.month, group: item.group, counters: countersOf(item) });
      }
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async replaceAggregates(items: readonly AggregateDelta[], updatedAt: string): Promise<void> {
    const requests = items.map((delta) => {
      const key = { scope: scopeKey(delta.scope), dimension: delta.dimension, month: delta.month, group: delta.group };
      if (Object.keys(delta.counters).length === 0) {
        return { DeleteRequest: { Key: this.aggregates.delete(key).params().Key } };
      }
      const item: Record<string, unknown> = { ...this.aggregates.put({ ...key, updatedAt }).params().Item };
      for (const [counter, value] of Object.entries(delta.counters)) item[`${COUNTER_PREFIX}${counter}`] = value;
      return { PutRequest: { Item: item } };
    });
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
