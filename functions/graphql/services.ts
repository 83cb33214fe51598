import { type ActivityDeps, createActivitiesDeps, type PrescribingDeps } from '../activities';
import type { DynamoDbAuditLog } from '../audit';
import { DynamoDbCareRecordAdapter } from '../checkins/adapters/dynamodb-care-record';
import { DynamoDbCheckInRepository } from '../checkins/adapters/dynamodb-check-in-repository';
import { DynamoDbOutcomeRepository } from '../checkins/adapters/dynamodb-outcome-repository';
import { type CheckIn, checkInEntity } from '../checkins/entities/check-in';
import type { CheckInDeps, CheckInTelemetry } from '../checkins/ports';
import type { ScheduleDeps } from '../checkins/use-cases/schedule-check-in';
import { DynamoDbIdentityRepository } from '../identity/adapters/dynamodb-identity-repository';
import type { IdentityRepository } from '../identity/ports';
import type { RecordOutcomeDeps } from '../outcomes/record-outcome';
import type { DataStore } from '../platform/dynamodb/client';
import { entityConfig } from '../platform/dynamodb/service';
import { createReferralDeps, type DynamoDbReferralRepository, type ReferralDeps } from '../referrals';
import { type Clock, systemClock } from '../shared/clock';
import { type IdGenerator, newId } from '../shared/ids';
import { logger } from './logger';
import { createOutcomesServices, type OutcomesServices } from './resolvers/outcomes';

/**
 * What the API uses of the follow-up engine: scheduling, cancelling, the prescribing/attendance hooks and in-person
 * outcomes. Deliberately no `SmsSender`: the GraphQL function never sends a text (the dispatcher and the inbound
 * handler do), and because the port is absent from this type, no use case the API calls can be handed one.
 */
export type ApiCheckInDeps = ScheduleDeps & Pick<CheckInDeps, 'outcomes'> & RecordOutcomeDeps;

/** Reads the resolvers need that the check-in repository has no batch form of (yet). */
export interface CheckInReads {
  /** Many check-ins by id (BatchGetItem per 100 keys); missing ids are simply absent. */
  getCheckIns(checkInIds: readonly string[]): Promise<CheckIn[]>;
}

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
  checkIns: ApiCheckInDeps & { checkIns: DynamoDbCheckInRepository; reads: CheckInReads };
  /** Commissioners' outcome figures (schema/outcomes.graphql). */
  outcomes: OutcomesServices;
}

export interface ServiceOptions {
  clock?: Clock;
  newId?: IdGenerator;
}

/** The engine reports ids, counts and reasons only (its port's contract), so they go to the API's logger as they are. */
const checkInTelemetry: CheckInTelemetry = {
  count: () => {},
  gauge: () => {},
  info: (message, fields) => logger.info(message, { ...fields }),
  warn: (message, fields) => logger.warn(message, { ...fields }),
  error: (message, fields) => logger.error(message, { ...fields }),
};

const BATCH_GET_LIMIT = 100;
const BATCH_GET_ATTEMPTS = 5;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkInReads(store: DataStore): CheckInReads {
  const entity = checkInEntity(entityConfig(store));
  return {
    async getCheckIns(checkInIds) {
      const found: CheckIn[] = [];
      const unique = [...new Set(checkInIds)];
      for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
        let pending = unique.slice(start, start + BATCH_GET_LIMIT);
        for (let attempt = 1; pending.length > 0; attempt++) {
          const { data, unprocessed } = await entity.get(pending.map((checkInId) => ({ checkInId }))).go();
          found.push(...data);
          pending = unprocessed.map((key) => key.checkInId);
          if (pending.length === 0) break;
          if (attempt >= BATCH_GET_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
          await pause(2 ** attempt * 10);
        }
      }
      return found;
    },
  };
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
    checkIns: {
      checkIns: new DynamoDbCheckInRepository(store),
      outcomes: new DynamoDbOutcomeRepository(store, () => clock.now()),
      careRecords: new DynamoDbCareRecordAdapter(store),
      staff: identity,
      clock,
      newId: ids,
      telemetry: checkInTelemetry,
      reads: checkInReads(store),
    },
    outcomes: createOutcomesServices(store),
  };
}
