import { type ActivitiesContext, createActivitiesContext } from '../activities';
import { type AuditLog, type AuditTrailReader, DynamoDbAuditLog } from '../audit';
import { type CheckInsContext, type CheckInTelemetry, createCheckInsContext } from '../checkins';
import { DynamoDbIdentityRepository, type IdentityRepository } from '../identity';
import { type AggregateStore, DynamoDbAggregateStore, type FoldDeps, outcomeFoldDeps } from '../outcomes';
import { CareEventBus } from '../platform/care-event-bus';
import type { DataStore } from '../platform/dynamodb/client';
import { createReferralsContext, type ReferralsContext } from '../referrals';
import { type Clock, systemClock } from '../shared/clock';
import { createIdGenerator, type IdGenerator } from '../shared/ids';

/*
 * The one composition root: every handler (GraphQL, dispatcher, inbound SMS, stream folding, reconciliation),
 * `npm start`, the benchmarks and the tests build Linkwork here, from one DataStore. It builds each context through
 * its front door, gives them one care event bus, and subscribes each context's reactions to it. Nothing else
 * constructs an adapter of a context.
 */

export interface LinkworkOptions {
  store: DataStore;
  clock?: Clock;
  newId?: IdGenerator;
  /** Where the follow-up engine reports counts and events (ids only). */
  checkInTelemetry?: CheckInTelemetry;
}

export interface Linkwork {
  store: DataStore;
  clock: Clock;
  newId: IdGenerator;
  events: CareEventBus;
  identity: IdentityRepository;
  audit: AuditLog & AuditTrailReader;
  referrals: ReferralsContext;
  activities: ActivitiesContext;
  checkIns: CheckInsContext;
  outcomes: { aggregates: AggregateStore; fold: FoldDeps };
}

export function createLinkwork(options: LinkworkOptions): Linkwork {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? createIdGenerator(clock);
  const events = new CareEventBus();
  const identity = new DynamoDbIdentityRepository(store);
  const audit = new DynamoDbAuditLog(store, newId);

  const referrals = createReferralsContext(store, { clock, newId, audit, staff: identity, events });
  const activities = createActivitiesContext(store, {
    organisations: identity,
    careRecords: referrals.careRecords,
    audit,
    events,
    clock,
    newId,
  });
  const checkIns = createCheckInsContext(store, {
    careRecords: referrals.careRecords,
    staff: identity,
    events,
    clock,
    newId,
    ...(options.checkInTelemetry ? { telemetry: options.checkInTelemetry } : {}),
  });
  // The owner of the items a reaction writes reacts first (the referrals context keeps its caseload rows), so other
  // contexts' reactions read them already in step.
  events.subscribe(referrals.subscriber).subscribe(activities.subscriber).subscribe(checkIns.subscriber);
  let fold: FoldDeps | undefined;

  return {
    store,
    clock,
    newId,
    events,
    identity,
    audit,
    referrals,
    activities,
    checkIns,
    outcomes: {
      aggregates: new DynamoDbAggregateStore(store),
      // Built on first use: the API never folds, and its cold start should not build what only the folding needs.
      get fold() {
        fold ??= outcomeFoldDeps(store, clock);
        return fold;
      },
    },
  };
}
