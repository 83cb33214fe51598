import { DynamoDbActivityFigureRecords } from '../activities';
import { DynamoDbCheckInFigureRecords } from '../checkins';
import type { DataStore } from '../platform/dynamodb/client';
import { DynamoDbReferralFigureRecords } from '../referrals';
import { type Clock, systemClock } from '../shared/clock';
import { DynamoDbAggregateStore } from './adapters/dynamodb-aggregate-store';
import { DynamoDbFactSource } from './adapters/dynamodb-fact-source';
import type { FoldDeps } from './use-cases/fold-stream-records';

/** The records figures count, read through the referrals, activities and check-ins contexts' front doors. */
export function outcomeFactSource(store: DataStore): DynamoDbFactSource {
  return new DynamoDbFactSource({
    referrals: new DynamoDbReferralFigureRecords(store),
    activities: new DynamoDbActivityFigureRecords(store),
    checkIns: new DynamoDbCheckInFigureRecords(store),
  });
}

/** The folding and reconciliation ports over one table. */
export function outcomeFoldDeps(store: DataStore, clock: Clock = systemClock): FoldDeps {
  return { facts: outcomeFactSource(store), aggregates: new DynamoDbAggregateStore(store), clock };
}
