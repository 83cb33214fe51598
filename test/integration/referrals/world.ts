import { createLinkwork } from '../../../functions/app/composition-root';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import type { Principal } from '../../../functions/identity/principal';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../../functions/identity/use-cases/register-staff-user';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import type { NewPatientInput } from '../../../functions/referrals';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { freshTable, type TestTable } from '../../support/table';

export function principalOf(user: StaffUser): Principal {
  return {
    userId: user.userId,
    role: user.role,
    organisationId: user.organisationId,
    icbId: user.icbId,
    pcnId: user.pcnId,
    practiceId: user.practiceId,
  };
}

let nhsSeed = 0;

/** A new patient with a fresh fictional NHS number (999 range) and a drama-range mobile. */
export function newPatient(overrides: Partial<NewPatientInput> = {}): NewPatientInput {
  const seed = nhsSeed++;
  return {
    nhsNumber: fictionalNhsNumber(seed),
    givenName: 'Ada',
    familyName: `Testperson${seed}`,
    dateOfBirth: '1950-06-15',
    sex: 'FEMALE',
    mobile: dramaMobile(seed % 1000),
    smsConsent: 'GIVEN',
    ...overrides,
  };
}

/**
 * One table with two PCNs of one ICB (practices A1 and B1), a second ICB, and staff of every role. Each test file
 * builds its own world, so nothing leaks between files.
 */
export async function buildWorld() {
  const table: TestTable = await freshTable();
  const store: DataStore = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const newId = createIdGenerator(clock);
  const identity = new DynamoDbIdentityRepository(store);
  const idDeps = { identity, clock, newId };
  const icb = await registerOrganisation(idDeps, { kind: 'ICB', name: 'NHS Example ICB' });
  const otherIcb = await registerOrganisation(idDeps, { kind: 'ICB', name: 'NHS Elsewhere ICB' });
  const pcnA = await registerOrganisation(idDeps, { kind: 'PCN', name: 'Riverside PCN', parentId: icb.organisationId });
  const pcnB = await registerOrganisation(idDeps, { kind: 'PCN', name: 'Hillside PCN', parentId: icb.organisationId });
  const practiceA = await registerOrganisation(idDeps, {
    kind: 'PRACTICE',
    name: 'Bridge Street Surgery',
    parentId: pcnA.organisationId,
  });
  const practiceB = await registerOrganisation(idDeps, {
    kind: 'PRACTICE',
    name: 'Hill Top Surgery',
    parentId: pcnB.organisationId,
  });
  const staff = async (role: StaffUser['role'], name: string, organisationId?: string) =>
    registerStaffUser(idDeps, { role, name, email: `${name.toLowerCase()}@example.nhs.uk`, organisationId });
  const users = {
    lw1: await staff('LINK_WORKER', 'Asha', pcnA.organisationId),
    lw2: await staff('LINK_WORKER', 'Ben', pcnA.organisationId),
    lwB: await staff('LINK_WORKER', 'Cara', pcnB.organisationId),
    coordA: await staff('COORDINATOR', 'Dev', pcnA.organisationId),
    coordB: await staff('COORDINATOR', 'Eve', pcnB.organisationId),
    admin: await staff('ADMIN', 'Fay', icb.organisationId),
    otherAdmin: await staff('ADMIN', 'Gus', otherIcb.organisationId),
    commissioner: await staff('COMMISSIONER', 'Hal', icb.organisationId),
  };
  const providerOrg = await registerOrganisation(idDeps, {
    kind: 'PROVIDER',
    name: 'Walking Group',
    parentId: icb.organisationId,
  });
  const provider = await staff('PROVIDER', 'Ivy', providerOrg.organisationId);
  const linkwork = createLinkwork({ store, clock, newId });
  const deps = linkwork.referrals.deps;
  const as = Object.fromEntries(
    Object.entries({ ...users, provider }).map(([key, user]) => [key, principalOf(user)]),
  ) as Record<keyof typeof users | 'provider', Principal>;
  return { table, store, clock, newId, linkwork, deps, identity, icb, pcnA, pcnB, practiceA, practiceB, users, as };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
