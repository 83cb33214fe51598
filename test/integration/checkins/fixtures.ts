import { createLinkwork } from '../../../functions/app/composition-root';
import { SnsSmsSender } from '../../../functions/checkins/adapters/sns-sms-sender';
import { type DispatchPolicy, defaultDispatchPolicy } from '../../../functions/checkins/policy';
import type { CheckInDeps, SmsSender } from '../../../functions/checkins/ports';
import { parseSendingWindow } from '../../../functions/checkins/sending-window';
import type { DispatchOptions } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { organisationEntity } from '../../../functions/identity/entities/organisation';
import { staffUserEntity } from '../../../functions/identity/entities/staff-user';
import type { Principal } from '../../../functions/identity/principal';
import type { CareEventBus } from '../../../functions/platform/care-event-bus';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { patientEntity } from '../../../functions/referrals/entities/patient';
import { referralEntity } from '../../../functions/referrals/entities/referral';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { type SnsEndpoint, startSnsEndpoint } from '../../support/sns-endpoint';
import { freshTable, type TestTable } from '../../support/table';

export const ORIGINATION = '+447700900999';
/** A Monday inside the sending window (GMT). */
export const MONDAY_10AM = '2026-01-12T10:00:00.000Z';

export interface World {
  table: TestTable;
  store: DataStore;
  sns: SnsEndpoint;
  clock: ManualClock;
  deps: CheckInDeps;
  /** The bus the contexts share: tests publish care events on it as the other contexts would. */
  events: CareEventBus;
  policy: DispatchPolicy;
  dispatch: DispatchOptions;
  ids: () => string;
  pcnId: string;
  linkWorker: Principal;
  otherLinkWorker: Principal;
  close(): Promise<void>;
}

export async function createWorld(start = MONDAY_10AM, wrapSender?: (sender: SmsSender) => SmsSender): Promise<World> {
  const table = await freshTable();
  const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const sns = await startSnsEndpoint();
  const clock = new ManualClock(start);
  const sender = new SnsSmsSender({
    originationNumber: ORIGINATION,
    clientConfig: {
      endpoint: sns.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
  });
  const linkwork = createLinkwork({ store, clock });
  const deps = linkwork.checkIns.withSender(wrapSender ? wrapSender(sender) : sender);
  const policy = defaultDispatchPolicy({ window: parseSendingWindow('Mon-Fri 09:00-18:00 Europe/London') });
  const config = entityConfig(store);
  const createdAt = clock.now().toISOString();
  const organisations = organisationEntity(config);
  await organisations
    .create({ organisationId: 'ICB1', kind: 'ICB', name: 'NHS Example ICB', icbId: 'ICB1', createdAt })
    .go();
  await organisations
    .create({
      organisationId: 'PCN1',
      kind: 'PCN',
      name: 'Riverside Health PCN',
      parentId: 'ICB1',
      icbId: 'ICB1',
      createdAt,
    })
    .go();
  const staff = staffUserEntity(config);
  for (const [userId, name] of [
    ['LW1', 'Asha Patel'],
    ['LW2', 'Ben Jones'],
  ]) {
    await staff
      .create({
        userId,
        role: 'LINK_WORKER',
        name,
        email: `${userId.toLowerCase()}@example.nhs.uk`,
        contactRoute: '0113 496 0000',
        organisationId: 'PCN1',
        icbId: 'ICB1',
        pcnId: 'PCN1',
        createdAt,
      })
      .go();
  }
  const linkWorker: Principal = {
    userId: 'LW1',
    role: 'LINK_WORKER',
    organisationId: 'PCN1',
    icbId: 'ICB1',
    pcnId: 'PCN1',
  };
  const otherLinkWorker: Principal = { ...linkWorker, userId: 'LW2' };
  return {
    table,
    store,
    sns,
    clock,
    deps,
    events: linkwork.events,
    policy,
    dispatch: { policy, ratePerSecond: 1000, runBudgetMs: 60_000 },
    ids: createIdGenerator(clock),
    pcnId: 'PCN1',
    linkWorker,
    otherLinkWorker,
    async close() {
      await sns.close();
      sender.destroy();
      await table.drop();
    },
  };
}

let patientSeq = 0;

export interface PatientAndReferral {
  patientId: string;
  referralId: string;
  mobile: string;
}

/** A patient (with a drama-range mobile and SMS consent) and an open referral assigned to LW1. */
export async function addPatientWithReferral(
  world: World,
  options: {
    smsConsent?: 'GIVEN' | 'NOT_ASKED' | 'REFUSED' | 'OPTED_OUT';
    mobile?: string;
    linkWorkerId?: string;
    /** Another PCN (and its ICB) than PCN1's. */
    scope?: { icbId: string; pcnId: string; practiceId: string };
  } = {},
): Promise<PatientAndReferral> {
  const config = entityConfig(world.store);
  const n = patientSeq++ % 900;
  const patientId = world.ids();
  const referralId = world.ids();
  const mobile = options.mobile ?? dramaMobile(n);
  const at = world.clock.now().toISOString();
  const scope = options.scope ?? { practiceId: 'PR1', pcnId: 'PCN1', icbId: 'ICB1' };
  await patientEntity(config)
    .create({
      patientId,
      nhsNumber: fictionalNhsNumber(n),
      givenName: 'Test',
      familyName: `Patient${n}`,
      ...scope,
      mobile,
      smsConsent: options.smsConsent ?? 'GIVEN',
      createdAt: at,
      updatedAt: at,
    })
    .go();
  const linkWorkerId = options.linkWorkerId ?? 'LW1';
  await referralEntity(config)
    .create({
      referralId,
      patientId,
      ...scope,
      linkWorkerId,
      caseloadOwner: linkWorkerId,
      source: 'GP',
      needs: ['LONELINESS_ISOLATION'],
      status: 'ACTIVE',
      caseState: 'OPEN',
      receivedAt: at,
      version: 1,
      createdBy: 'GP1',
      createdAt: at,
      updatedAt: at,
    })
    .go();
  return { patientId, referralId, mobile };
}

export async function getReferral(world: World, referralId: string) {
  return (await referralEntity(entityConfig(world.store)).get({ referralId }).go()).data!;
}

export async function getPatient(world: World, patientId: string) {
  return (await patientEntity(entityConfig(world.store)).get({ patientId }).go()).data!;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
