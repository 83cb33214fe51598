import type { CreateActivityInput } from '../../../functions/activities';
import { createLinkwork } from '../../../functions/app/composition-root';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { Principal } from '../../../functions/identity/principal';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../../functions/identity/use-cases/register-staff-user';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { createReferral, transitionReferral } from '../../../functions/referrals';
import { type Referral, referralEntity } from '../../../functions/referrals/entities/referral';
import type { ReferralStatus } from '../../../functions/referrals/vocabulary';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import type { TestTable } from '../../support/table';

/** An ICB with two PCNs (one practice each), two providers, and a second ICB: everything the scope rules need. */
export async function activitiesWorld(table: TestTable) {
  const store: DataStore = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const newId = createIdGenerator(clock);
  const identity = new DynamoDbIdentityRepository(store);
  const org = (input: Parameters<typeof registerOrganisation>[1]) =>
    registerOrganisation({ identity, clock, newId }, input);

  const icb = await org({ kind: 'ICB', name: 'NHS Example ICB' });
  const pcn = await org({ kind: 'PCN', name: 'Riverside PCN', parentId: icb.organisationId });
  const practice = await org({ kind: 'PRACTICE', name: 'Bridge Street Surgery', parentId: pcn.organisationId });
  const otherPcn = await org({ kind: 'PCN', name: 'Hillside PCN', parentId: icb.organisationId });
  const provider = await org({ kind: 'PROVIDER', name: 'Green Gym Trust', parentId: icb.organisationId });
  const otherProvider = await org({ kind: 'PROVIDER', name: 'Arts Together', parentId: icb.organisationId });
  const farIcb = await org({ kind: 'ICB', name: 'NHS Faraway ICB' });
  const farPcn = await org({ kind: 'PCN', name: 'Faraway PCN', parentId: farIcb.organisationId });

  const icbId = icb.organisationId;
  const pcnId = pcn.organisationId;
  const principals = {
    admin: { userId: 'U-ADMIN', role: 'ADMIN', organisationId: icbId, icbId },
    coordinator: { userId: 'U-COORD', role: 'COORDINATOR', organisationId: pcnId, icbId, pcnId },
    otherCoordinator: {
      userId: 'U-COORD-2',
      role: 'COORDINATOR',
      organisationId: otherPcn.organisationId,
      icbId,
      pcnId: otherPcn.organisationId,
    },
    linkWorker: { userId: 'U-LW', role: 'LINK_WORKER', organisationId: pcnId, icbId, pcnId },
    otherLinkWorker: { userId: 'U-LW-2', role: 'LINK_WORKER', organisationId: pcnId, icbId, pcnId },
    commissioner: { userId: 'U-COMM', role: 'COMMISSIONER', organisationId: icbId, icbId },
    provider: { userId: 'U-PROV', role: 'PROVIDER', organisationId: provider.organisationId, icbId },
    otherProvider: { userId: 'U-PROV-2', role: 'PROVIDER', organisationId: otherProvider.organisationId, icbId },
    farCoordinator: {
      userId: 'U-FAR',
      role: 'COORDINATOR',
      organisationId: farPcn.organisationId,
      icbId: farIcb.organisationId,
      pcnId: farPcn.organisationId,
    },
  } satisfies Record<string, Principal>;

  const linkwork = createLinkwork({ store, clock, newId });
  const deps = linkwork.activities.deps;
  const referrals = referralEntity(entityConfig(store));

  // Referrals are made the way the product makes them: through the referrals context's use cases.
  for (const [userId, role] of [
    [principals.linkWorker.userId, 'LINK_WORKER'],
    [principals.otherLinkWorker.userId, 'LINK_WORKER'],
    [principals.coordinator.userId, 'COORDINATOR'],
  ] as const) {
    await registerStaffUser(
      { identity, clock, newId },
      { userId, role, name: userId, email: `${userId.toLowerCase()}@example.nhs.uk`, organisationId: pcnId },
    );
  }
  const referralDeps = linkwork.referrals.deps;
  const PATH: ReferralStatus[] = ['RECEIVED', 'CONTACTED', 'ACCEPTED', 'ACTIVE'];
  let patientSeed = 0;

  /** A referral of a new patient, assigned to the link worker and moved along to `status` (ACCEPTED unless told). */
  async function referral(status: 'RECEIVED' | 'CONTACTED' | 'ACCEPTED' | 'ACTIVE' = 'ACCEPTED'): Promise<Referral> {
    const { referral: created } = await createReferral(referralDeps, principals.coordinator, {
      practiceId: practice.organisationId,
      newPatient: {
        nhsNumber: fictionalNhsNumber(patientSeed++),
        givenName: 'Test',
        familyName: 'Person',
        dateOfBirth: '1950-05-01',
        sex: 'NOT_STATED',
      },
      source: 'GP',
      needs: ['LONELINESS_ISOLATION'],
      linkWorkerId: principals.linkWorker.userId,
    });
    for (const to of PATH.slice(1, PATH.indexOf(status) + 1)) {
      await transitionReferral(referralDeps, principals.coordinator, { referralId: created.referralId, to });
    }
    return storedReferral(created.referralId);
  }

  async function storedReferral(referralId: string): Promise<Referral> {
    const { data } = await referrals.get({ referralId }).go({ consistent: true });
    if (!data) throw new Error(`referral ${referralId} is missing`);
    return data;
  }

  return {
    store,
    clock,
    newId,
    linkwork,
    deps,
    principals,
    referrals,
    referralDeps,
    referral,
    storedReferral,
    icb,
    pcn,
    otherPcn,
    practice,
    provider,
    otherProvider,
    farPcn,
  };
}

export type ActivitiesWorld = Awaited<ReturnType<typeof activitiesWorld>>;

/** A valid activity input for `world`'s first PCN and first provider; override any field. */
export function activityInput(
  world: ActivitiesWorld,
  overrides: Partial<CreateActivityInput> = {},
): CreateActivityInput {
  return {
    pcnId: world.pcn.organisationId,
    providerOrganisationId: world.provider.organisationId,
    name: 'Health Walk',
    description: 'A gentle guided walk round the park, at your own pace.',
    category: 'PHYSICAL_ACTIVITY',
    venueName: 'Roundhay Park',
    venueAddress: 'Mansion Lane, Leeds',
    postcode: 'ls8 2hh',
    scheduleText: 'Tuesdays 10:00–11:00',
    contact: { name: 'Jo', phone: '0113 496 0000' },
    cost: { kind: 'FREE' },
    takesDirectReferrals: true,
    ...overrides,
  };
}
