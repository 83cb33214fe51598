import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import { OdsCodeTakenError } from '../../../functions/identity/errors';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../../functions/identity/use-cases/register-staff-user';
import { createDataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { ConflictError, ValidationError } from '../../../functions/shared/errors';
import { createIdGenerator } from '../../../functions/shared/ids';
import { freshTable, type TestTable } from '../../support/table';

describe('organisations and staff (DynamoDB Local)', () => {
  let table: TestTable;
  let deps: Parameters<typeof registerOrganisation>[0];

  beforeAll(async () => {
    table = await freshTable();
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    const clock = new ManualClock('2026-03-02T10:00:00Z');
    deps = { identity: new DynamoDbIdentityRepository(store), clock, newId: createIdGenerator(clock) };
  });
  afterAll(() => table.drop());

  let trees = 0;
  async function tree() {
    // ODS codes are unique, so each tree gets its own ICB code.
    trees += 1;
    const odsCode = `Q${String(trees).padStart(2, '0')}`;
    const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Example ICB', odsCode });
    const pcn = await registerOrganisation(deps, { kind: 'PCN', name: 'Riverside PCN', parentId: icb.organisationId });
    const practice = await registerOrganisation(deps, {
      kind: 'PRACTICE',
      name: 'Bridge Street Surgery',
      parentId: pcn.organisationId,
    });
    return { icb, pcn, practice };
  }

  it('stores an ICB → PCN → practice tree with each ancestor recorded', async () => {
    const { icb, pcn, practice } = await tree();

    const stored = await deps.identity.getOrganisation(practice.organisationId);

    expect(stored).toMatchObject({ kind: 'PRACTICE', icbId: icb.organisationId, pcnId: pcn.organisationId });
    const children = await deps.identity.listChildOrganisations(icb.organisationId);
    expect(children.map((child) => child.organisationId)).toEqual([pcn.organisationId]);
  });

  it('throws when a practice is placed directly under an ICB', async () => {
    const { icb } = await tree();

    const attempt = registerOrganisation(deps, {
      kind: 'PRACTICE',
      name: 'Lost Surgery',
      parentId: icb.organisationId,
    });

    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'parentId' });
  });

  it('throws OdsCodeTakenError naming odsCode and keeps the original when an ODS code is reused', async () => {
    const { icb } = await tree();

    const attempt = registerOrganisation(deps, { kind: 'ICB', name: 'Impostor ICB', odsCode: icb.odsCode });

    await expect(attempt).rejects.toThrow(OdsCodeTakenError);
    await expect(attempt).rejects.toMatchObject({ field: 'odsCode', code: 'BAD_USER_INPUT' });
    expect((await deps.identity.findOrganisationByOdsCode(icb.odsCode!))?.organisationId).toBe(icb.organisationId);
  });

  it('throws a conflict and keeps the original when an organisation id is reused', async () => {
    const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'First', organisationId: 'ICB-DUP' });

    await expect(
      registerOrganisation(deps, { kind: 'ICB', name: 'Second', organisationId: 'ICB-DUP' }),
    ).rejects.toThrow(ConflictError);
    expect((await deps.identity.getOrganisation('ICB-DUP'))?.name).toBe(icb.name);
  });

  it('scopes a link worker to their PCN and lists them with its staff', async () => {
    const { icb, pcn } = await tree();

    const worker = await registerStaffUser(deps, {
      role: 'LINK_WORKER',
      name: 'Asha Patel',
      email: 'Asha.Patel@example.nhs.uk',
      organisationId: pcn.organisationId,
    });

    expect(worker).toMatchObject({
      icbId: icb.organisationId,
      pcnId: pcn.organisationId,
      email: 'asha.patel@example.nhs.uk',
    });
    const staff = await deps.identity.listStaffByOrganisation(pcn.organisationId);
    expect(staff.map((user) => user.userId)).toEqual([worker.userId]);
    expect(await deps.identity.getStaffUsers([worker.userId, 'missing'])).toHaveLength(1);
  });

  it('throws naming the field when a coordinator is scoped to a practice', async () => {
    const { practice } = await tree();

    await expect(
      registerStaffUser(deps, {
        role: 'COORDINATOR',
        name: 'Sam Jones',
        email: 'sam@example.nhs.uk',
        organisationId: practice.organisationId,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
  });

  it('throws naming the field when the e-mail is malformed, writing nothing', async () => {
    const { pcn } = await tree();
    const before = await deps.identity.listStaffByOrganisation(pcn.organisationId);

    await expect(
      registerStaffUser(deps, {
        role: 'LINK_WORKER',
        name: 'X',
        email: 'not-an-email',
        organisationId: pcn.organisationId,
      }),
    ).rejects.toMatchObject({ field: 'email' });
    expect(await deps.identity.listStaffByOrganisation(pcn.organisationId)).toHaveLength(before.length);
  });

  it('allows a national administrator with no organisation, but no other role without one', async () => {
    const admin = await registerStaffUser(deps, { role: 'ADMIN', name: 'Root', email: 'root@example.nhs.uk' });

    expect(admin.organisationId).toBeUndefined();
    await expect(
      registerStaffUser(deps, { role: 'COMMISSIONER', name: 'C', email: 'c@example.nhs.uk' }),
    ).rejects.toMatchObject({ field: 'organisationId' });
  });
});
