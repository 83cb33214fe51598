import type { AuditLog } from '../audit';
import type { CareEventPublisher, CareEventSubscriber } from '../platform/care-event-bus';
import type { DataStore } from '../platform/dynamodb/client';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import type { ReferralDeps } from './access';
import { DynamoDbCareRecords } from './adapters/dynamodb-care-records';
import { DynamoDbConcernRepository } from './adapters/dynamodb-concern-repository';
import { DynamoDbReferralRepository } from './adapters/dynamodb-referral-repository';
import type { CareRecordReader } from './care-record';
import type { StaffDirectory } from './ports';
import { referralsCareEventSubscriber } from './use-cases/react-to-care-events';

export interface ReferralsContext {
  /** What this context's use cases are given. */
  deps: ReferralDeps;
  /** The care-record views other contexts read (their port onto patients and referrals). */
  careRecords: CareRecordReader;
  /** This context's reactions to other contexts' care events. */
  subscriber: CareEventSubscriber;
}

/** Built once per process by the composition root (functions/app/composition-root.ts). */
export function createReferralsContext(
  store: DataStore,
  shared: { clock: Clock; newId: IdGenerator; audit: AuditLog; staff: StaffDirectory; events: CareEventPublisher },
): ReferralsContext {
  const concerns = new DynamoDbConcernRepository(store);
  const careRecords = new DynamoDbCareRecords(store, concerns);
  const deps: ReferralDeps = { ...shared, referrals: new DynamoDbReferralRepository(store), concerns, careRecords };
  return { deps, careRecords, subscriber: referralsCareEventSubscriber(deps) };
}
