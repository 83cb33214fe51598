import { type ActivityDeps, createActivitiesDeps, type PrescribingDeps } from '../activities';
import type { DynamoDbAuditLog } from '../audit';
import { DynamoDbIdentityRepository } from '../identity/adapters/dynamodb-identity-repository';
import type { IdentityRepository } from '../identity/ports';
import type { DataStore } from '../platform/dynamodb/client';
import { createReferralDeps, type DynamoDbReferralRepository, type ReferralDeps } from '../referrals';
import { type Clock, systemClock } from '../shared/clock';
import { type IdGenerator, newId } from '../shared/ids';

/**
 * The ports every use case may need, built once per cold start from one DataStore and shared by all requests
 * (they hold no per-request state; loaders do).
 */
export interface Services {
  clock: Clock;
  newId: IdGenerator;
  identity: IdentityRepository;
  referrals: ReferralDeps & { audit: DynamoDbAuditLog; referrals: DynamoDbReferralRepository };
  activities: ActivityDeps & PrescribingDeps;
}

export interface ServiceOptions {
  clock?: Clock;
  newId?: IdGenerator;
}

export function createServices(store: DataStore, options: ServiceOptions = {}): Services {
  const clock = options.clock ?? systemClock;
  const ids = options.newId ?? newId;
  const identity = new DynamoDbIdentityRepository(store);
  return {
    clock,
    newId: ids,
    identity,
    referrals: createReferralDeps(store, { clock, newId: ids }),
    activities: createActivitiesDeps(store, { organisations: identity, clock, newId: ids }),
  };
}
