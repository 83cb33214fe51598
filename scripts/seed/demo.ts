import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { type Clock, ManualClock } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import { seedCare } from './care';
import { SeededRandom } from './random';

export const DEMO_SEED = 20_261_125;
const MARKER_KEY = { pk: '$linkwork#seed', sk: 'demo-v1' };

export interface DemoOrganisations {
  icbId: string;
  pcnIds: [string, string];
  practiceIds: string[];
  providerOrganisationId: string;
}

export interface DemoData {
  organisations: DemoOrganisations;
  users: StaffUser[];
}

export interface DemoSeed {
  /** False when the table already held the demo data set. */
  seeding: boolean;
  /** Resolves when the care history (patients, referrals, a year of check-ins) is in; at once when not seeding. */
  care: Promise<void>;
}

/**
 * Seeds the demo data set unless it is already there. Organisations and staff are written before this resolves, so
 * the API can start and print tokens at once; the care history, which takes a minute or so on a small machine, goes
 * on in the background (`care`).
 */
export async function startDemoSeed(store: DataStore, clock: Clock): Promise<DemoSeed> {
  const marker = await store.documentClient.send(new GetCommand({ TableName: store.tableName, Key: MARKER_KEY }));
  if (marker.Item) return { seeding: false, care: Promise.resolve() };
  const random = new SeededRandom(DEMO_SEED);
  const demo = await seedDemoData(store, clock, random);
  const care = (async () => {
    await seedCare(store, new ManualClock(clock.now()), random, demo);
    // Written last: a run stopped half-way leaves no marker, and start-up then says how to start again.
    await store.documentClient.send(
      new PutCommand({ TableName: store.tableName, Item: { ...MARKER_KEY, seededAt: clock.now().toISOString() } }),
    );
  })();
  return { seeding: true, care };
}

/** Seeds everything and waits for it (benchmarks and tests that want the whole data set). */
export async function seedDemoDataOnce(store: DataStore, clock: Clock): Promise<boolean> {
  const seed = await startDemoSeed(store, clock);
  await seed.care;
  return seed.seeding;
}

/**
 * One ICB, two PCNs, four practices, four link workers, a coordinator, a commissioner, an activity provider and an
 * admin. Staff ids are readable (`lw-asha`) so `npm run token -- lw-asha` is easy to type; real ids are Cognito subjects.
 */
export async function seedDemoData(store: DataStore, clock: Clock, random: SeededRandom): Promise<DemoData> {
  const identity = new DynamoDbIdentityRepository(store);
  const deps = { identity, clock, newId: createIdGenerator(clock) };

  const icb = await registerOrganisation(deps, {
    kind: 'ICB',
    name: 'NHS Riverdale Integrated Care Board',
    odsCode: 'QRD',
  });
  const pcns = [
    await registerOrganisation(deps, {
      kind: 'PCN',
      name: 'Northgate PCN',
      odsCode: 'U10001',
      parentId: icb.organisationId,
    }),
    await registerOrganisation(deps, {
      kind: 'PCN',
      name: 'Southbank PCN',
      odsCode: 'U10002',
      parentId: icb.organisationId,
    }),
  ] as const;
  const practiceNames = [
    ['Millbrook Surgery', 'Castle Street Medical Centre'],
    ['Riverside Health Centre', 'Elm Tree Practice'],
  ];
  const practiceIds: string[] = [];
  for (const [index, pcn] of pcns.entries()) {
    for (const [offset, name] of (practiceNames[index] ?? []).entries()) {
      const practice = await registerOrganisation(deps, {
        kind: 'PRACTICE',
        name,
        odsCode: `R8${index}${offset}${random.int(10, 99)}`,
        parentId: pcn.organisationId,
      });
      practiceIds.push(practice.organisationId);
    }
  }
  const provider = await registerOrganisation(deps, {
    kind: 'PROVIDER',
    name: 'Riverdale Community Action',
    parentId: icb.organisationId,
  });

  const northgate = pcns[0].organisationId;
  const southbank = pcns[1].organisationId;
  const people: Parameters<typeof registerStaffUser>[1][] = [
    {
      userId: 'lw-asha',
      role: 'LINK_WORKER',
      name: 'Asha Patel',
      email: 'asha.patel@example.nhs.uk',
      organisationId: northgate,
      contactRoute: 'Millbrook Surgery on 0113 496 0001',
    },
    {
      userId: 'lw-ben',
      role: 'LINK_WORKER',
      name: 'Ben Okafor',
      email: 'ben.okafor@example.nhs.uk',
      organisationId: northgate,
      contactRoute: 'Castle Street Medical Centre on 0113 496 0002',
    },
    {
      userId: 'lw-cara',
      role: 'LINK_WORKER',
      name: 'Cara Nowak',
      email: 'cara.nowak@example.nhs.uk',
      organisationId: southbank,
      contactRoute: 'Riverside Health Centre on 0113 496 0003',
    },
    {
      userId: 'lw-dev',
      role: 'LINK_WORKER',
      name: 'Dev Sharma',
      email: 'dev.sharma@example.nhs.uk',
      organisationId: southbank,
      contactRoute: 'Elm Tree Practice on 0113 496 0004',
    },
    {
      userId: 'coord-erin',
      role: 'COORDINATOR',
      name: 'Erin Walsh',
      email: 'erin.walsh@example.nhs.uk',
      organisationId: northgate,
    },
    {
      userId: 'comm-femi',
      role: 'COMMISSIONER',
      name: 'Femi Adeyemi',
      email: 'femi.adeyemi@example.nhs.uk',
      organisationId: icb.organisationId,
    },
    {
      userId: 'prov-gwen',
      role: 'PROVIDER',
      name: 'Gwen Hughes',
      email: 'gwen.hughes@example.org.uk',
      organisationId: provider.organisationId,
    },
    {
      userId: 'admin-hal',
      role: 'ADMIN',
      name: 'Hal Morgan',
      email: 'hal.morgan@example.nhs.uk',
      organisationId: icb.organisationId,
    },
  ];
  const users: StaffUser[] = [];
  for (const person of people) users.push(await registerStaffUser(deps, person));

  return {
    organisations: {
      icbId: icb.organisationId,
      pcnIds: [northgate, southbank],
      practiceIds,
      providerOrganisationId: provider.organisationId,
    },
    users,
  };
}
