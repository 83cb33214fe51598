import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type ActivitiesContext, createActivitiesContext } from '../activities';
import { type AuditLog, type AuditTrailReader, DynamoDbAuditLog } from '../audit';
import { type CheckInsContext, type CheckInTelemetry, createCheckInsContext } from '../checkins';
import {
  CognitoSignInAccounts,
  DynamoDbIdentityRepository,
  type IdentityRepository,
  type LocalAccountAnnouncer,
  LocalSignInAccounts,
  type SignInAccounts,
  type StaffAdministrationDeps,
  type StaffChangeLog,
} from '../identity';
import { type AggregateStore, DynamoDbAggregateStore, type FoldDeps, outcomeFoldDeps } from '../outcomes';
import { CareEventBus, type CareEventSubscriber } from '../platform/care-event-bus';
import { CursorCodec, type CursorKeySource, ephemeralCursorKey } from '../platform/cursor-codec';
import type { DataStore } from '../platform/dynamodb/client';
import { createReferralsContext, type ReferralsContext } from '../referrals';
import { type Clock, systemClock } from '../shared/clock';
import { UnreachableCaseError } from '../shared/errors';
import { createIdGenerator, type IdGenerator } from '../shared/ids';

/*
 * The one composition root: every handler (GraphQL, dispatcher, inbound SMS, stream folding, reconciliation),
 * `npm start`, the benchmarks and the tests build Linkwork here, from one DataStore. It builds each context through
 * its front door, gives them one care event bus, and subscribes each context's reactions to it. Nothing else
 * constructs an adapter of a context.
 */

/**
 * Where staff sign in. In AWS the stage's Cognito user pool (functions/graphql/handler.ts, USER_POOL_ID); under
 * `npm start` and in tests the table-backed stand-in, whose `announce` hook hears of each new account (`npm start`
 * prints a bearer token for it).
 */
export type SignInOption =
  | { kind: 'local'; announce?: LocalAccountAnnouncer }
  | {
      kind: 'cognito';
      userPoolId: string;
      /** A client for the pool's region (the Lambda's own by default), or for a local emulator in tests. */
      client?: CognitoIdentityProviderClient;
      /** Cognito e-mails the new member of staff a temporary password (default true; off against an emulator). */
      sendInvitation?: boolean;
    };

export interface LinkworkOptions {
  store: DataStore;
  clock?: Clock;
  newId?: IdGenerator;
  /** Where the follow-up engine reports counts and events (ids only). */
  checkInTelemetry?: CheckInTelemetry;
  /**
   * The key paging cursors are sealed with: the stage's secret in AWS (functions/graphql/handler.ts), the key under
   * .data/ for `npm start`. Unset (tests, benchmarks), a key that lives as long as the process.
   */
  cursorKey?: CursorKeySource;
  /** Where staff sign in (default: the local stand-in). */
  signIn?: SignInOption;
  /** Where staff administration reports what it did (ids only); nowhere by default. */
  staffChangeLog?: StaffChangeLog;
}

export interface Linkwork {
  store: DataStore;
  clock: Clock;
  newId: IdGenerator;
  events: CareEventBus;
  /** Seals and opens the paging cursors clients see (functions/graphql/pagination.ts). */
  cursors: CursorCodec;
  identity: IdentityRepository;
  /** What the staff administration use cases are given: the staff records and the sign-in accounts. */
  staff: StaffAdministrationDeps;
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
  // The activities and check-ins contexts are built at first use (their ports, a care event for them to react to):
  // a GraphQL request that reads a caseload, as most do, touches neither, and building their adapters (a dozen
  // ElectroDB entities) was a third of what building Linkwork cost at a cold start (docs/performance.md).
  let activities: ActivitiesContext | undefined;
  let checkIns: CheckInsContext | undefined;
  const activitiesContext = () =>
    (activities ??= createActivitiesContext(store, {
      organisations: identity,
      careRecords: referrals.careRecords,
      audit,
      events,
      clock,
      newId,
    }));
  const checkInsContext = () =>
    (checkIns ??= createCheckInsContext(store, {
      careRecords: referrals.careRecords,
      staff: identity,
      events,
      clock,
      newId,
      ...(options.checkInTelemetry ? { telemetry: options.checkInTelemetry } : {}),
    }));
  // The owner of the items a reaction writes reacts first (the referrals context keeps its caseload rows), so other
  // contexts' reactions read them already in step.
  events
    .subscribe(referrals.subscriber)
    .subscribe(builtAtFirstEvent(() => activitiesContext().subscriber))
    .subscribe(builtAtFirstEvent(() => checkInsContext().subscriber));
  let aggregates: AggregateStore | undefined;
  let fold: FoldDeps | undefined;

  return {
    store,
    clock,
    newId,
    events,
    cursors: new CursorCodec(options.cursorKey ?? ephemeralCursorKey()),
    identity,
    staff: {
      identity,
      accounts: signInAccounts(store, newId, options.signIn ?? { kind: 'local' }),
      clock,
      log: options.staffChangeLog ?? SILENT_LOG,
    },
    audit,
    referrals,
    get activities() {
      return activitiesContext();
    },
    get checkIns() {
      return checkInsContext();
    },
    outcomes: {
      get aggregates() {
        aggregates ??= new DynamoDbAggregateStore(store);
        return aggregates;
      },
      // Built on first use: the API never folds, and its cold start should not build what only the folding needs.
      get fold() {
        fold ??= outcomeFoldDeps(store, clock);
        return fold;
      },
    },
  };
}

const SILENT_LOG: StaffChangeLog = { info: () => {}, error: () => {} };

/** A context's subscriber, for a context built when the first care event reaches it (or when asked for before). */
function builtAtFirstEvent(subscriber: () => CareEventSubscriber): CareEventSubscriber {
  return {
    get name() {
      return subscriber().name;
    },
    writesFor: (event) => subscriber().writesFor?.(event) ?? [],
    react: async (event) => {
      await subscriber().react?.(event);
    },
  };
}

function signInAccounts(store: DataStore, newId: IdGenerator, option: SignInOption): SignInAccounts {
  switch (option.kind) {
    case 'local':
      return new LocalSignInAccounts(store, newId, option.announce);
    case 'cognito':
      return new CognitoSignInAccounts({
        // Made at the first staff administration call unless given: no other operation needs Cognito.
        ...(option.client ? { client: option.client } : {}),
        userPoolId: option.userPoolId,
        sendInvitation: option.sendInvitation ?? true,
      });
    default:
      throw new UnreachableCaseError(option);
  }
}
