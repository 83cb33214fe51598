import { DynamoDbIdentityRepository } from '../identity/adapters/dynamodb-identity-repository';
import type { DataStore } from '../platform/dynamodb/client';
import type { Clock } from '../shared/clock';
import { createIdGenerator } from '../shared/ids';
import { DynamoDbCareRecordAdapter } from './adapters/dynamodb-care-record';
import { DynamoDbCheckInRepository } from './adapters/dynamodb-check-in-repository';
import { DynamoDbOutcomeRepository } from './adapters/dynamodb-outcome-repository';
import type { CheckInDeps, CheckInTelemetry, SmsSender } from './ports';

/** The composition root shared by handlers, local helpers and tests: every port over the one table. */
export function checkInDeps(input: {
  store: DataStore;
  sms: SmsSender;
  clock: Clock;
  telemetry?: CheckInTelemetry;
}): CheckInDeps {
  return {
    checkIns: new DynamoDbCheckInRepository(input.store),
    outcomes: new DynamoDbOutcomeRepository(input.store, () => input.clock.now()),
    careRecords: new DynamoDbCareRecordAdapter(input.store),
    staff: new DynamoDbIdentityRepository(input.store),
    sms: input.sms,
    clock: input.clock,
    newId: createIdGenerator(input.clock),
    telemetry: input.telemetry,
  };
}
