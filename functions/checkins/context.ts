import type { CareEventPublisher, CareEventSubscriber } from '../platform/care-event-bus';
import type { DataStore } from '../platform/dynamodb/client';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { DynamoDbCheckInRepository } from './adapters/dynamodb-check-in-repository';
import { DynamoDbInbox } from './adapters/dynamodb-inbox';
import { DynamoDbOutcomeRepository } from './adapters/dynamodb-outcome-repository';
import type {
  CareRecordReader,
  CheckInDeps,
  CheckInRepository,
  CheckInTelemetry,
  OutcomeRepository,
  SmsSender,
  StaffDirectoryPort,
} from './ports';
import { checkInsCareEventSubscriber } from './use-cases/react-to-care-events';

/**
 * The follow-up engine without an SMS sender: what the GraphQL API uses (scheduling, cancelling, in-person outcomes,
 * threads). Deliberately no `SmsSender`: the GraphQL function never sends a text (the dispatcher and the inbound
 * handler do), and because the port is absent from this type, no use case the API calls can be handed one.
 */
export type CheckInApiDeps = Omit<CheckInDeps, 'sms'> & {
  checkIns: CheckInRepository;
  outcomes: OutcomeRepository;
};

export interface CheckInsContext {
  deps: CheckInApiDeps;
  /** The same ports with a sender: for the dispatcher, the inbound handler and `npm start`. */
  withSender(sms: SmsSender): CheckInDeps;
  subscriber: CareEventSubscriber;
}

/** Built once per process by the composition root (functions/app/composition-root.ts). */
export function createCheckInsContext(
  store: DataStore,
  shared: {
    careRecords: CareRecordReader;
    staff: StaffDirectoryPort;
    events: CareEventPublisher;
    clock: Clock;
    newId: IdGenerator;
    telemetry?: CheckInTelemetry;
  },
): CheckInsContext {
  const deps: CheckInApiDeps = {
    ...shared,
    checkIns: new DynamoDbCheckInRepository(store, (patientId) =>
      shared.careRecords.patientNotErasedCondition(patientId),
    ),
    outcomes: new DynamoDbOutcomeRepository(store, () => shared.clock.now()),
    inbox: new DynamoDbInbox(store),
  };
  return {
    deps,
    withSender: (sms) => ({ ...deps, sms }),
    subscriber: checkInsCareEventSubscriber(deps),
  };
}
