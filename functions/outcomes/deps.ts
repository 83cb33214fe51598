import type { DataStore } from '../platform/dynamodb/client';
import { type Clock, systemClock } from '../shared/clock';
import { DynamoDbAggregateStore } from './adapters/dynamodb-aggregate-store';
import { DynamoDbFactSource } from './adapters/dynamodb-fact-source';
import type { FoldDeps } from './use-cases/fold-stream-records';

/** The folding and reconciliation ports over one table. */
export function outcomeFoldDeps(store: DataStore, clock: Clock = systemClock): FoldDeps {
  return { facts: new DynamoDbFactSource(store), aggregates: new DynamoDbAggregateStore(store), clock };
}
