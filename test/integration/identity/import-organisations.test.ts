import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import { importCommand } from '../../../scripts/import-organisations';
import { freshTable, type TestTable } from '../../support/table';

const HEADER = 'ods_code,name,kind,parent_ods_code';
const RIVERDALE = [
  HEADER,
  'R80012,Millbrook Surgery,PRACTICE,U10001',
  'U10001,Northgate PCN,PCN,QRD',
  'QRD,NHS Riverdale ICB,ICB,',
  'U10002,Southbank PCN,PCN,QRD',
  'R81020,"Riverside Health Centre, Southbank",PRACTICE,U10002',
];

/*
 * `npm run import:organisations` end to end against DynamoDB Local: the command's own argument parsing, CSV reading
 * and report, over the import use case. Each test gets a fresh table.
 */
describe('import:organisations', () => {
  let table: TestTable;
  let store: DataStore;
  let identity: DynamoDbIdentityRepository;
  let dir: string;
  let printed: string[];

  beforeEach(async () => {
    table = await freshTable();
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    identity = new DynamoDbIdentityRepository(store);
    dir = mkdtempSync(join(tmpdir(), 'linkwork-import-'));
    printed = [];
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    store.client.destroy();
    await table.drop();
  });

  async function run(lines: string[], ...flags: string[]): Promise<number> {
    const file = join(dir, 'organisations.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    printed = [];
    return importCommand([file, ...flags], { store, print: (line) => printed.push(line) });
  }

  async function registered(odsCode: string) {
    return identity.findOrganisationByOdsCode(odsCode);
  }

  it('creates an ICB, its PCNs and practices with their parents, whatever the order of the file', async () => {
    const code = await run(RIVERDALE);

    expect(code).toBe(0);
    const [icb, northgate, millbrook] = await Promise.all(['QRD', 'U10001', 'R80012'].map(registered));
    expect(northgate).toMatchObject({ kind: 'PCN', parentId: icb!.organisationId, icbId: icb!.organisationId });
    expect(millbrook).toMatchObject({
      kind: 'PRACTICE',
      parentId: northgate!.organisationId,
      pcnId: northgate!.organisationId,
    });
    expect((await registered('R81020'))?.name).toBe('Riverside Health Centre, Southbank');
    expect(printed.at(-1)).toMatch(/^5 created, 0 renamed, 0 unchanged/);
    expect(printed).toContain('created  ICB QRD NHS Riverdale ICB');
  });

  it('changes nothing when the same file is imported again', async () => {
    await run(RIVERDALE);
    const before = await identity.listChildOrganisations((await registered('QRD'))!.organisationId);

    const code = await run(RIVERDALE);

    expect(code).toBe(0);
    expect(printed).toEqual([expect.stringMatching(/^0 created, 0 renamed, 5 unchanged/)]);
    expect(await identity.listChildOrganisations((await registered('QRD'))!.organisationId)).toEqual(before);
  });

  it('renames what changed name and creates what is new, leaving the rest alone', async () => {
    await run(RIVERDALE);

    await run([
      ...RIVERDALE.slice(0, 2),
      'U10001,Northgate and Weir PCN,PCN,QRD',
      ...RIVERDALE.slice(3),
      'R80013,Weir Surgery,PRACTICE,U10001',
    ]);

    expect(printed).toEqual([
      'created  PRACTICE R80013 Weir Surgery',
      'renamed  PCN U10001 Northgate PCN → Northgate and Weir PCN',
      expect.stringMatching(/^1 created, 1 renamed, 4 unchanged/),
    ]);
    expect(await registered('U10001')).toMatchObject({ name: 'Northgate and Weir PCN', version: 1 });
  });

  it('reports what it would do on a dry run and writes nothing', async () => {
    const code = await run(RIVERDALE, '--dry-run');

    expect(code).toBe(0);
    expect(printed).toContain('would create  PCN U10002 Southbank PCN');
    expect(printed.at(-1)).toMatch(/^dry run, nothing written: 5 created, 0 renamed, 0 unchanged/);
    expect(await registered('QRD')).toBeUndefined();
  });

  it('lists every problem by line and column and writes nothing, not even the good rows', async () => {
    const code = await run([
      HEADER,
      'QRD,NHS Riverdale ICB,ICB,',
      'U10001,Northgate PCN,PCN,QRD',
      'U1000X,Broken PCN,PCN,QRD',
      'R80012,Orphan Surgery,PRACTICE,U55555',
      'U10001,Northgate Again,PCN,QRD',
      'R80013,Misfiled Surgery,PRACTICE,QRD',
      'QRS,Child ICB,ICB,QRD',
      'X1,Something,TRUST,',
    ]);

    expect(code).toBe(1);
    expect(printed).toEqual([
      'line 4, ods_code: must be a PCN ODS code: U and five digits, e.g. U12345',
      'line 6, ods_code: appears twice in the file (first on line 3)',
      'line 7, parent_ods_code: must be a PCN ODS code: U and five digits, e.g. U12345',
      'line 8, parent_ods_code: must be blank for an ICB',
      'line 9, kind: must be one of ICB, PCN, PRACTICE',
      'line 5, parent_ods_code: is neither in this file nor registered',
      '6 problem(s); nothing was written to the given table',
    ]);
    expect(await registered('QRD')).toBeUndefined();
  });

  it('refuses rows that would change the kind or parent of a registered organisation', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00Z');
    const deps = { identity, clock, newId: createIdGenerator(clock) };
    const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Riverdale ICB', odsCode: 'QRD' });
    const north = await registerOrganisation(deps, {
      kind: 'PCN',
      name: 'Northgate PCN',
      odsCode: 'U10001',
      parentId: icb.organisationId,
    });
    await registerOrganisation(deps, {
      kind: 'PCN',
      name: 'Southbank PCN',
      odsCode: 'U10002',
      parentId: icb.organisationId,
    });
    await registerOrganisation(deps, {
      kind: 'PRACTICE',
      name: 'Millbrook Surgery',
      odsCode: 'R80012',
      parentId: north.organisationId,
    });

    const code = await run([HEADER, 'R80012,Millbrook Surgery,PRACTICE,U10002', 'U10001,Northgate PCN,PCN,QRD']);

    expect(code).toBe(1);
    expect(printed[0]).toBe(
      'line 2, parent_ods_code: differs from the parent this organisation is registered under; moving it is not supported',
    );
    expect((await registered('R80012'))?.parentId).toBe(north.organisationId);
  });

  it('names the file problem and writes nothing for a file without the expected header', async () => {
    const code = await run(['code,name,kind,parent', 'QRD,NHS Riverdale ICB,ICB,']);

    expect(code).toBe(1);
    expect(printed[0]).toMatch(/^line 1: the header must name ods_code, name, kind, parent_ods_code/);
    expect(await registered('QRD')).toBeUndefined();
  });

  it('prints the usage and exits 2 without a file', async () => {
    const code = await importCommand([], { store, print: (line) => printed.push(line) });

    expect(code).toBe(2);
    expect(printed.at(-1)).toMatch(/^usage: npm run import:organisations -- <file.csv>/);
  });
});
