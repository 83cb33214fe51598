import type { AuditLog } from '../audit';
import type { CareEventPublisher, CareEventSubscriber } from '../platform/care-event-bus';
import type { DataStore } from '../platform/dynamodb/client';
import type { CareRecordReader } from '../referrals';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { CareRecordReferralReader } from './adapters/care-record-referral-reader';
import { DynamoDbActivityRepository } from './adapters/dynamodb-activity-repository';
import { DynamoDbPrescriptionRepository } from './adapters/dynamodb-prescription-repository';
import type { OrganisationDirectory } from './ports';
import type { ActivityDeps, PrescribingDeps } from './use-cases/deps';
import { activitiesCareEventSubscriber } from './use-cases/react-to-care-events';

export interface ActivitiesContext {
  deps: ActivityDeps & PrescribingDeps;
  subscriber: CareEventSubscriber;
}

/** Built once per process by the composition root (functions/app/composition-root.ts). */
export function createActivitiesContext(
  store: DataStore,
  shared: {
    organisations: OrganisationDirectory;
    careRecords: Pick<CareRecordReader, 'getReferral'>;
    audit: AuditLog;
    events: CareEventPublisher;
    clock: Clock;
    newId: IdGenerator;
  },
): ActivitiesContext {
  const prescriptions = new DynamoDbPrescriptionRepository(store);
  const deps: ActivityDeps & PrescribingDeps = {
    organisations: shared.organisations,
    audit: shared.audit,
    events: shared.events,
    clock: shared.clock,
    newId: shared.newId,
    activities: new DynamoDbActivityRepository(store),
    prescriptions,
    referrals: new CareRecordReferralReader(shared.careRecords),
  };
  return { deps, subscriber: activitiesCareEventSubscriber(deps) };
}
