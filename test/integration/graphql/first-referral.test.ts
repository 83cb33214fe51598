import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLinkwork } from '../../../functions/app/composition-root';
import { createGraphQLHandler } from '../../../functions/graphql/lambda';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { createAdminCommand } from '../../../scripts/create-admin';
import { importCommand } from '../../../scripts/import-organisations';
import { signLocalToken, toApiGatewayClaims, verifyLocalToken } from '../../../scripts/lib/local-jwt';
import { graphqlEvent, type HandlerResult, lambdaContext } from '../../support/events';
import { freshTable, type TestTable } from '../../support/table';
import { type GraphQLResponse, parseResult } from './harness';

/*
 * Issue 14's acceptance: a new deployment from an empty table to its first referral, through the operator commands
 * and GraphQL only. The import command loads an ICB with its PCNs and practices; the first-administrator command
 * makes an administrator of that ICB; the administrator, with the token the local accounts adapter gave them, finds
 * a PCN and creates a link worker; the link worker, with the token they were given in turn, finds their practices and
 * checks the NHS number, then creates a referral. Every request goes through the Lambda handler with an API Gateway
 * v2 event whose claims come from verifying the printed token (as the local API does).
 */

const ORGANISATIONS = [
  'ods_code,name,kind,parent_ods_code',
  'QRD,NHS Riverdale ICB,ICB,',
  'U10001,Northgate PCN,PCN,QRD',
  'U10002,Southbank PCN,PCN,QRD',
  'R80012,Millbrook Surgery,PRACTICE,U10001',
  'R80013,Abbey Lane Surgery,PRACTICE,U10001',
  'R81020,Riverside Health Centre,PRACTICE,U10002',
];

const PCNS = 'query { pcns { edges { node { id name odsCode } } } }';
const CREATE_STAFF = `mutation Create($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) { id role organisation { id name } }
}`;
const PRACTICES = 'query { practices { edges { node { id name odsCode } } } }';
const BY_NHS = 'query ByNhs($nhsNumber: NhsNumber!) { patientByNhsNumber(nhsNumber: $nhsNumber) { id } }';
const CREATE_REFERRAL = `mutation Refer($input: CreateReferralInput!) {
  createReferral(input: $input) {
    patientCreated
    referral { id status practice { id name } linkWorker { id } patient { id familyName } }
  }
}`;

describe('from an empty table to a first referral (operator commands, then GraphQL through the Lambda handler)', () => {
  let table: TestTable;
  let store: DataStore;
  let dir: string;

  beforeAll(async () => {
    table = await freshTable();
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    dir = mkdtempSync(join(tmpdir(), 'linkwork-first-referral-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    store.client.destroy();
    await table.drop();
  });

  it('imports the organisations, makes an administrator, who makes a link worker, who refers a patient', async () => {
    const keyFile = join(dir, 'local-jwt-key.json');
    const printed: string[] = [];
    const print = (line: string) => printed.push(line);
    const empty = await store.documentClient.send(new ScanCommand({ TableName: store.tableName }));
    expect(empty.Count).toBe(0);

    // The operator: organisations from a CSV file, then the first administrator, whose token is printed.
    const csv = join(dir, 'organisations.csv');
    writeFileSync(csv, `${ORGANISATIONS.join('\n')}\n`);
    expect(await importCommand([csv], { store, print })).toBe(0);
    expect(printed.at(-1)).toMatch(/^6 created, 0 renamed, 0 unchanged/);
    const adminArgs = ['--email', 'ada@riverdale.nhs.uk', '--name', 'Ada Admin', '--ods-code', 'qrd'];
    expect(await createAdminCommand(adminArgs, { store, print, keyFile })).toBe(0);
    const adminToken = bearerIn(printed);

    // The API, as deployed locally: the local accounts adapter announces each new account with a token.
    const tokens: string[] = [];
    const clock = new ManualClock('2026-03-02T10:00:00Z');
    const linkwork = createLinkwork({
      store,
      clock,
      signIn: { kind: 'local', announce: async (account) => tokens.push(await signLocalToken(account, { keyFile })) },
    });
    const handler = createGraphQLHandler({ store, stage: 'test', linkwork });
    const as = async (token: string, query: string, variables?: Record<string, unknown>) => {
      const claims = toApiGatewayClaims(await verifyLocalToken(token, { keyFile }));
      const result = (await handler(
        graphqlEvent(query, variables, { claims }),
        lambdaContext(),
        () => {},
      )) as HandlerResult;
      return answered(parseResult(result));
    };

    // The administrator finds the PCN by its ODS code and creates a link worker there.
    const pcns = (await as(adminToken, PCNS)).pcns.edges.map((edge: Edge) => edge.node);
    const northgate = pcns.find((pcn: Node) => pcn.odsCode === 'U10001');
    expect(pcns.map((pcn: Node) => pcn.name)).toEqual(['Northgate PCN', 'Southbank PCN']);
    const created = await as(adminToken, CREATE_STAFF, {
      input: { email: 'lena@riverdale.nhs.uk', name: 'Lena Link', role: 'LINK_WORKER', organisationId: northgate.id },
    });
    expect(created.createStaffUser).toEqual({
      id: expect.any(String),
      role: 'LINK_WORKER',
      organisation: { id: northgate.id, name: 'Northgate PCN' },
    });
    expect(tokens).toHaveLength(1);
    const linkWorkerToken = tokens[0]!;

    // The link worker fills in the referral form: a practice of their PCN, an NHS number nobody has yet.
    const practices = (await as(linkWorkerToken, PRACTICES)).practices.edges.map((edge: Edge) => edge.node);
    expect(practices.map((practice: Node) => practice.odsCode)).toEqual(['R80013', 'R80012']);
    const millbrook = practices.find((practice: Node) => practice.name === 'Millbrook Surgery');
    const nhsNumber = fictionalNhsNumber(4242);
    expect((await as(linkWorkerToken, BY_NHS, { nhsNumber })).patientByNhsNumber).toBeNull();
    const referral = await as(linkWorkerToken, CREATE_REFERRAL, {
      input: {
        practiceId: millbrook.id,
        source: 'GP',
        needs: ['LONELINESS_ISOLATION'],
        linkWorkerId: created.createStaffUser.id,
        newPatient: { nhsNumber, givenName: 'Alex', familyName: 'Rivers', dateOfBirth: '1950-06-01', sex: 'FEMALE' },
      },
    });

    expect(referral.createReferral).toEqual({
      patientCreated: true,
      referral: {
        id: expect.any(String),
        status: 'RECEIVED',
        practice: { id: millbrook.id, name: 'Millbrook Surgery' },
        linkWorker: { id: created.createStaffUser.id },
        patient: { id: expect.any(String), familyName: 'Rivers' },
      },
    });
    const found = await as(linkWorkerToken, BY_NHS, { nhsNumber });
    expect(found.patientByNhsNumber).toEqual({ id: referral.createReferral.referral.patient.id });
  });
});

type Node = Record<string, string>;
type Edge = { node: Node };

/** The token the first-administrator command printed (`Bearer <token> …`). */
function bearerIn(lines: readonly string[]): string {
  const line = lines.find((candidate) => candidate.startsWith('Bearer '));
  if (!line) throw new Error(`no token printed: ${lines.join(' | ')}`);
  return line.split(' ')[1]!;
}

/** The data of a response that must have been answered (the error codes otherwise, to say why). */
// biome-ignore lint/suspicious/noExplicitAny: response JSON, read field by field
function answered(response: GraphQLResponse): Record<string, any> {
  const codes = (response.json.errors ?? []).map(
    (error) => `${error.extensions?.code} ${error.extensions?.field ?? ''}`,
  );
  expect(codes).toEqual([]);
  return response.json.data as Record<string, unknown>;
}
