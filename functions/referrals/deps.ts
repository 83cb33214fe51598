import { DynamoDbAuditLog } from '../audit/adapters/dynamodb-audit-log';
import { DynamoDbIdentityRepository } from '../identity/adapters/dynamodb-identity-repository';
import type { DataStore } from '../platform/dynamodb/client';
import { type Clock, systemClock } from '../shared/clock';
import { type IdGenerator, newId as systemNewId } from '../shared/ids';
import type { ReferralDeps } from './access';
import { DynamoDbReferralRepository } from './adapters/dynamodb-referral-repository';

/**
 * The production wiring of the referrals use cases on one DataStore. Build it once per Lambda container (the audit
 * log batches per tick, so sharing it across concurrent requests is fine). The audit adapter is returned too: it also
 * serves `getAuditTrail`.
 */
export function createReferralDeps(
  store: DataStore,
  options: { clock?: Clock; newId?: IdGenerator } = {},
): ReferralDeps & { audit: DynamoDbAuditLog; referrals: DynamoDbReferralRepository } {
  const newId = options.newId ?? systemNewId;
  return {
    referrals: new DynamoDbReferralRepository(store),
    staff: new DynamoDbIdentityRepository(store),
    audit: new DynamoDbAuditLog(store, newId),
    clock: options.clock ?? systemClock,
    newId,
  };
}
