import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { createTableInput, tableDefinition } from '../../functions/platform/dynamodb/table-definition';
import { type Clock, ManualClock } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import { seedCare } from './care';
import { SeededRandom } from './random';
import { loadSnapshot, monthsSince, readCurrentSnapshot } from './snapshot';

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
  /** How the demo data set got there: already in the table, loaded from the snapshot, or being seeded now. */
  source: 'already-there' | 'snapshot' | 'seeding';
  /** Items written from the snapshot (0 otherwise). */
  loaded: number;
  /** Resolves when the care history (patients, referrals, a year of check-ins) is in; at once unless seeding. */
  care: Promise<void>;
}

/**
 * Puts the demo data set in unless it is already there. From the committed snapshot when it was made with today's
 * entity models (seconds, figures included: scripts/seed/snapshot.ts); otherwise by running the seed through the use
 * cases: organisations and staff before this resolves, so the API can start and print tokens at once, and the care
 * history (a minute or so) in the background (`care`). Either way a marker is written last, and a table holding a
 * demo interrupted part-way (no marker) is emptied and seeded afresh, so a Ctrl-C never leaves a half-made demo.
 */
export async function startDemoSeed(
  store: DataStore,
  clock: Clock,
  options: { snapshot?: boolean } = {},
): Promise<DemoSeed> {
  const marker = await store.documentClient.send(new GetCommand({ TableName: store.tableName, Key: MARKER_KEY }));
  if (marker.Item) return { source: 'already-there', loaded: 0, care: Promise.resolve() };
  await emptyIfHalfMade(store);
  const snapshot = options.snapshot === false ? undefined : readCurrentSnapshot();
  if (snapshot) {
    // The snapshot brings its folded figures, so nothing needs to fold from these writes: they go in with the stream
    // off (DynamoDB Local writes them 3–4 times faster), and the stream is back on before the marker is written.
    const stream = await pauseStream(store);
    const loaded = await loadSnapshot(store, snapshot, monthsSince(snapshot.seededAt, clock.now()));
    await stream.resume();
    await writeMarker(store, clock, 'snapshot');
    return { source: 'snapshot', loaded, care: Promise.resolve() };
  }
  const random = new SeededRandom(DEMO_SEED);
  const demo = await seedDemoData(store, clock, random);
  const care = (async () => {
    await seedCare(store, new ManualClock(clock.now()), random, demo);
    // Written last: a run stopped half-way leaves no marker, and the next start empties the table and begins again.
    await writeMarker(store, clock, 'seed');
  })();
  return { source: 'seeding', loaded: 0, care };
}

/** Seeds everything through the use cases and waits for it (the snapshot maker). */
export async function seedDemoDataOnce(store: DataStore, clock: Clock): Promise<void> {
  const seed = await startDemoSeed(store, clock, { snapshot: false });
  await seed.care;
}

async function writeMarker(store: DataStore, clock: Clock, source: string): Promise<void> {
  await store.documentClient.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...MARKER_KEY, seededAt: clock.now().toISOString(), source },
    }),
  );
}

/** No marker but items: a first run stopped part-way. The table is made again, empty, from the shared definition. */
async function emptyIfHalfMade(store: DataStore): Promise<void> {
  const { Items } = await store.documentClient.send(new ScanCommand({ TableName: store.tableName, Limit: 1 }));
  if (!Items?.length) return;
  await store.client.send(new DeleteTableCommand({ TableName: store.tableName }));
  await waitForTable(store, 'deleted');
  await store.client.send(new CreateTableCommand(createTableInput(store.tableName)));
  await waitForTable(store, 'active');
}

/**
 * Turns the table's stream off until `resume`, which turns it on as the shared table definition has it (a new stream:
 * the folding poller starts from its latest record). On, whatever it found: a run stopped after the stream went off
 * and before the first item went in leaves an empty table without a stream and without a marker, which the next start
 * loads into as it is. A run stopped between leaves no marker, so the next start begins again.
 */
async function pauseStream(store: DataStore): Promise<{ resume(): Promise<void> }> {
  const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
  if (Table?.StreamSpecification?.StreamEnabled) {
    await store.client.send(
      new UpdateTableCommand({ TableName: store.tableName, StreamSpecification: { StreamEnabled: false } }),
    );
    await waitForTable(store, 'active');
  }
  return {
    resume: async () => {
      await store.client.send(
        new UpdateTableCommand({
          TableName: store.tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
        }),
      );
      await waitForTable(store, 'active');
    },
  };
}

async function waitForTable(store: DataStore, state: 'active' | 'deleted'): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const { Table } = await store.client.send(new DescribeTableCommand({ TableName: store.tableName }));
      if (state === 'active' && Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      if (state === 'deleted') return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Table ${store.tableName} did not become ${state}`);
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
