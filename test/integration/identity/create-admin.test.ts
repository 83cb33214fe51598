import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CognitoSignInAccounts } from '../../../functions/identity/adapters/cognito-sign-in-accounts';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import { createAdminCommand } from '../../../scripts/create-admin';
import { verifyLocalToken } from '../../../scripts/lib/local-jwt';
import { createStaffUserPool, startCognitoLocal } from '../../support/cognito-local';
import { freshTable, type TestTable } from '../../support/table';

/*
 * `npm run admin:create` against DynamoDB Local with the local accounts (what it uses for the local stack): the first
 * administrator of a new stage. The whole way to a first referral is in test/integration/graphql/first-referral.test.ts.
 */
describe('admin:create', () => {
  let table: TestTable;
  let store: DataStore;
  let identity: DynamoDbIdentityRepository;
  let dir: string;
  let printed: string[];
  const run = (...argv: string[]) =>
    createAdminCommand(argv, { store, keyFile: join(dir, 'key.json'), print: (line) => printed.push(line) });

  beforeAll(async () => {
    table = await freshTable();
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    identity = new DynamoDbIdentityRepository(store);
    dir = mkdtempSync(join(tmpdir(), 'linkwork-admin-'));
    const clock = new ManualClock('2026-03-02T10:00:00Z');
    await registerOrganisation(
      { identity, clock, newId: createIdGenerator(clock) },
      { kind: 'ICB', name: 'NHS Riverdale ICB', odsCode: 'QRD' },
    );
  });
  beforeEach(() => {
    printed = [];
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    store.client.destroy();
    await table.drop();
  });

  it('returns 0 and prints a token for a national administrator, whose staff record has no organisation', async () => {
    const code = await run('--email', 'Nadia@Example.NHS.uk', '--name', 'Nadia National');

    expect(code).toBe(0);
    const token = printed.find((line) => line.startsWith('Bearer '))!.split(' ')[1]!;
    const claims = await verifyLocalToken(token, { keyFile: join(dir, 'key.json') });
    const user = await identity.getStaffUser(String(claims.sub));
    expect(user).toMatchObject({ role: 'ADMIN', email: 'nadia@example.nhs.uk', active: true });
    expect(user?.organisationId).toBeUndefined();
    expect(printed.at(-1)).toMatch(/^created national administrator/);
  });

  it('returns 1 naming --ods-code, and creates nobody, for a code no ICB was imported under', async () => {
    const code = await run('--email', 'late@example.nhs.uk', '--name', 'Late Admin', '--ods-code', 'QZZ');

    expect(code).toBe(1);
    expect(printed).toEqual([expect.stringMatching(/^--ods-code: names no ICB yet/)]);
    const scan = await store.documentClient.send(new ScanCommand({ TableName: store.tableName }));
    expect(JSON.stringify(scan.Items)).not.toContain('late@example.nhs.uk');
  });

  it('creates the Cognito user in the ADMIN group with the ICB as its claim, then the staff record (cognito-local)', async () => {
    const emulator = await startCognitoLocal();
    try {
      const userPoolId = await createStaffUserPool(emulator.client);
      const signIn = { kind: 'cognito' as const, userPoolId, client: emulator.client, sendInvitation: false };

      const code = await createAdminCommand(
        ['--email', 'ada@riverdale.nhs.uk', '--name', 'Ada Admin', '--ods-code', 'QRD'],
        { store, signIn, print: (line) => printed.push(line) },
      );

      expect(code).toBe(0);
      const userId = /: (\S+);/.exec(printed.at(-1)!)![1]!;
      const account = await new CognitoSignInAccounts({
        client: emulator.client,
        userPoolId,
        sendInvitation: false,
      }).findAccount(userId);
      const icb = await identity.findOrganisationByOdsCode('QRD');
      expect(account).toMatchObject({
        email: 'ada@riverdale.nhs.uk',
        enabled: true,
        roles: ['ADMIN'],
        organisationId: icb!.organisationId,
      });
      expect(await identity.getStaffUser(userId)).toMatchObject({ role: 'ADMIN', organisationId: icb!.organisationId });
      expect(printed.some((line) => line.startsWith('Bearer '))).toBe(false);
    } finally {
      await emulator.stop();
    }
  }, 60_000);

  it('returns 2 with the usage when the e-mail or name is missing', async () => {
    const code = await run('--name', 'No Mail');

    expect(code).toBe(2);
    expect(printed[1]).toMatch(/^usage: npm run admin:create/);
  });
});
