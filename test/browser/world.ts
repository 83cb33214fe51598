import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivity, prescribeActivity } from '../../functions/activities';
import { createLinkwork } from '../../functions/app/composition-root';
import { createLocalCheckIns, FastForwardClock, type LocalCheckIns } from '../../functions/checkins/local';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import type { Principal } from '../../functions/identity/principal';
import { registerOrganisation } from '../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import { type StreamPoller, startStreamPoller } from '../../functions/outcomes/local-stream-poller';
import { releasedPeriods } from '../../functions/outcomes/periods';
import { createDataStore, type DataStore } from '../../functions/platform/dynamodb/client';
import { createReferral, type ReferralStatus, transitionReferral } from '../../functions/referrals';
import { ManualClock } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';
import { loadPortalAssets } from '../../portal/server/build';
import { createPortal } from '../../portal/server/portal';
import { LocalStatus } from '../../portal/server/status';
import { type LocalApi, startLocalApi } from '../../scripts/lib/local-api';
import { freshTable, type TestTable } from '../support/table';

/*
 * A small world for the portal's browser tests, put together the way `npm start` puts the real one together (the
 * composition root, the local check-ins with their outbox, the stream folding, the local API with the portal), on a
 * fresh table of the test DynamoDB Local:
 *  - a month of the newest released financial quarter (figures are released only for whole catalogue periods, on
 *    the 11th day after they end) in which 12 referrals arrived at one practice, 5 were accepted and 2 declined, so the
 *    commissioner's figures have a rounded count (10) and suppressed ones (5 and 2), in the dashboard's default period
 *    and in one of its released months;
 *  - Rosa, referred today, with an activity prescribed: her baseline check-in is waiting for the dispatcher.
 */

export interface PortalWorld {
  api: LocalApi;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  store: DataStore;
  checkIns: LocalCheckIns;
  staff: { linkWorker: StaffUser; commissioner: StaffUser; coordinator: StaffUser; admin: StaffUser };
  rosa: { referralId: string; mobile: string; name: string };
  /** `YYYY-MM` of the month with the suppressed figures: released, in the released quarter `figuresQuarter`. */
  figuresMonth: string;
  /** The newest released financial quarter (`FY2025-26-Q1`), the dashboard's default period. */
  figuresQuarter: string;
  /** Resolves when the stream folded everything written so far into figures. */
  figuresFolded(): Promise<void>;
  close(): Promise<void>;
}

function principalOf(user: StaffUser): Principal {
  return {
    userId: user.userId,
    role: user.role,
    organisationId: user.organisationId,
    icbId: user.icbId,
    ...(user.pcnId ? { pcnId: user.pcnId } : {}),
  } as Principal;
}

export async function createPortalWorld(): Promise<PortalWorld> {
  const table: TestTable = await freshTable({ stream: true });
  const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const keyDir = mkdtempSync(join(tmpdir(), 'linkwork-portal-'));
  const keyFile = join(keyDir, 'key.json');

  // The middle month of the newest released quarter, the 10th at 10:00 UTC: written before the quarter's release, so
  // its figures are in the first release (not a later revision), and one of the dashboard's twelve released months.
  const quarter = releasedPeriods('QUARTER', new Date(), 1)[0]!;
  const figuresMonth = quarter.months[1]!;
  const past = new Date(`${figuresMonth}-10T10:00:00Z`);
  const pastClock = new ManualClock(past.toISOString());
  const newId = createIdGenerator(pastClock);
  const identity = new DynamoDbIdentityRepository(store);
  const deps = { identity, clock: pastClock, newId };
  const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Testdale ICB', odsCode: 'QTD' });
  const pcn = await registerOrganisation(deps, { kind: 'PCN', name: 'Brookside PCN', parentId: icb.organisationId });
  const practice = await registerOrganisation(deps, {
    kind: 'PRACTICE',
    name: 'Brookside Surgery',
    parentId: pcn.organisationId,
  });
  const provider = await registerOrganisation(deps, {
    kind: 'PROVIDER',
    name: 'Testdale Walking Club',
    parentId: icb.organisationId,
  });
  const person = (userId: string, role: StaffUser['role'], name: string, organisationId: string) =>
    registerStaffUser(deps, { userId, role, name, email: `${userId}@example.nhs.uk`, organisationId });
  const staff = {
    linkWorker: await person('lw-lena', 'LINK_WORKER', 'Lena Link', pcn.organisationId),
    coordinator: await person('coord-cora', 'COORDINATOR', 'Cora Coordinator', pcn.organisationId),
    commissioner: await person('comm-colin', 'COMMISSIONER', 'Colin Commissioner', icb.organisationId),
    admin: await person('admin-ada', 'ADMIN', 'Ada Admin', icb.organisationId),
  };
  const linkWorker = principalOf(staff.linkWorker);

  const before = createLinkwork({ store, clock: pastClock, newId });
  for (let n = 1; n <= 12; n += 1) {
    pastClock.advance(3_600_000);
    const { referral } = await createReferral(before.referrals.deps, linkWorker, {
      practiceId: practice.organisationId,
      source: 'GP',
      needs: ['LONELINESS_ISOLATION'],
      linkWorkerId: staff.linkWorker.userId,
      newPatient: {
        nhsNumber: fictionalNhsNumber(7000 + n),
        givenName: `Person${String.fromCharCode(64 + n)}`,
        familyName: 'Example',
        dateOfBirth: '1955-06-01',
        sex: n % 2 ? 'FEMALE' : 'MALE',
      },
    });
    const path: ReferralStatus[] = n <= 2 ? ['DECLINED'] : n <= 7 ? ['CONTACTED', 'ACCEPTED'] : [];
    for (const to of path) {
      await transitionReferral(before.referrals.deps, linkWorker, { referralId: referral.referralId, to });
    }
  }

  // Today: the same application and clock for the API and the follow-up engine, as `npm start` has them.
  const clock = new FastForwardClock();
  const linkwork = createLinkwork({ store, clock });
  const checkIns = createLocalCheckIns({
    store,
    checkIns: linkwork.checkIns,
    clock,
    ignoreSendingWindow: true,
    print: () => {},
  });
  const mobile = dramaMobile(142);
  const { referral } = await createReferral(linkwork.referrals.deps, linkWorker, {
    practiceId: practice.organisationId,
    source: 'GP',
    needs: ['LONELINESS_ISOLATION', 'LOW_MOOD_ANXIETY'],
    linkWorkerId: staff.linkWorker.userId,
    newPatient: {
      nhsNumber: fictionalNhsNumber(7142),
      givenName: 'Rosa',
      familyName: 'Clarke',
      dateOfBirth: '1950-04-02',
      sex: 'FEMALE',
      mobile,
      smsConsent: 'GIVEN',
    },
  });
  for (const to of ['CONTACTED', 'ACCEPTED'] as const) {
    await transitionReferral(linkwork.referrals.deps, linkWorker, { referralId: referral.referralId, to });
  }
  const admin = principalOf(staff.admin);
  const walk = await createActivity(linkwork.activities.deps, admin, {
    pcnId: pcn.organisationId,
    providerOrganisationId: provider.organisationId,
    name: 'Brookside Health Walk',
    description: 'A gentle walk by the brook, finishing with tea.',
    category: 'PHYSICAL_ACTIVITY',
    venueName: 'Brookside Park',
    venueAddress: '1 Brook Lane',
    postcode: 'LS1 4AP',
    scheduleText: 'Tuesdays 10:00',
    contact: { name: 'Testdale Walking Club', phone: '0113 496 0999' },
    cost: { kind: 'FREE' },
    takesDirectReferrals: true,
  });
  await prescribeActivity(linkwork.activities.deps, linkWorker, {
    referralId: referral.referralId,
    activityId: walk.activityId,
    startDate: clock.now().toISOString().slice(0, 10),
  });

  const folding: StreamPoller = startStreamPoller({
    endpoint: table.endpoint,
    tableName: table.tableName,
    onError: () => {},
    idleMs: 200,
  });
  const status = new LocalStatus('ready');
  status.setFolding('folding');
  const users = Object.values(staff).map((user) => ({
    userId: user.userId,
    role: user.role,
    name: user.name,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
  }));
  // Bundled (or taken from .data/portal/) before any page is asked for, so no page load waits for esbuild.
  const assets = loadPortalAssets();
  await assets;
  const portal = createPortal({
    store,
    checkIns,
    status,
    users: async () => users,
    assets,
    stage: 'local',
    operations: 'any',
    dispatcher: { everySeconds: 15, ignoresSendingWindow: true },
    dynamoDbEndpoint: table.endpoint,
    tableName: table.tableName,
    keyFile,
  });
  const api = await startLocalApi({
    store,
    linkwork,
    clock,
    keyFile,
    localRoutes: portal.localRoutes,
    fallback: portal.handle,
  });

  return {
    api,
    origin: new URL(api.url).origin,
    store,
    checkIns,
    staff,
    rosa: { referralId: referral.referralId, mobile, name: 'Rosa Clarke' },
    figuresMonth,
    figuresQuarter: quarter.id,
    figuresFolded: async () => {
      await folding.waitUntilIdle();
      status.setFolding('up-to-date');
    },
    close: async () => {
      await api.close();
      await folding.stop();
      checkIns.stop();
      store.client.destroy();
      await table.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
