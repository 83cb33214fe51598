import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../../functions/identity/use-cases/register-staff-user';
import { codesOf, type Data, ok } from '../graphql/follow-up-support';
import { createHarness, type Harness } from '../graphql/harness';

const CREATE = `mutation Create($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id kind name odsCode parent { id odsCode kind } }
}`;

const UPDATE = `mutation Update($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { id name odsCode }
}`;

/*
 * Onboarding NHS organisations by ODS code through the Lambda handler: who may onboard what, the format of each kind's
 * code, one organisation per code (also when two requests race), parents named by their codes and kept in scope.
 */
describe('onboarding organisations through GraphQL', () => {
  let h: Harness;
  let national: StaffUser;

  beforeAll(async () => {
    h = await createHarness();
    national = await registerStaffUser(h.linkwork, {
      role: 'ADMIN',
      name: 'Nadia National',
      email: 'nadia.national@example.nhs.uk',
    });
  });
  afterAll(() => h.close());

  const create = (user: StaffUser, input: Record<string, unknown>) => h.gql<Data>(user, CREATE, { input });

  it('returns a new ICB for a national administrator, with its code upper case and no parent', async () => {
    const data = await ok(create(national, { kind: 'ICB', odsCode: 'qe1', name: 'NHS Lancashire ICB' }));

    expect(data.createOrganisation).toMatchObject({
      kind: 'ICB',
      odsCode: 'QE1',
      name: 'NHS Lancashire ICB',
      parent: null,
    });
  });

  it('throws FORBIDDEN when an ICB administrator onboards an ICB, and for roles that are not administrators', async () => {
    const byIcbAdmin = await create(h.staff.ADMIN, { kind: 'ICB', odsCode: 'QF7', name: 'NHS South ICB' });
    const byCoordinator = await create(h.staff.COORDINATOR, {
      kind: 'PCN',
      odsCode: 'U77001',
      name: 'Riverbank PCN',
      parentOdsCode: 'QXX',
    });

    expect(codesOf(byIcbAdmin)).toEqual(['FORBIDDEN']);
    expect(codesOf(byCoordinator)).toEqual(['FORBIDDEN']);
  });

  it("returns a PCN and a practice under it for the ICB's administrator, each naming its parent", async () => {
    const pcn = (
      await ok(create(h.staff.ADMIN, { kind: 'PCN', odsCode: 'U77002', name: 'Weir PCN', parentOdsCode: 'qxx' }))
    ).createOrganisation;
    const practice = (
      await ok(
        create(h.staff.ADMIN, { kind: 'PRACTICE', odsCode: 'B82005', name: 'Weir Surgery', parentOdsCode: 'U77002' }),
      )
    ).createOrganisation;

    expect(pcn.parent).toEqual({ id: h.orgs.icb.organisationId, odsCode: 'QXX', kind: 'ICB' });
    expect(practice.parent).toEqual({ id: pcn.id, odsCode: 'U77002', kind: 'PCN' });
    const stored = await h.linkwork.identity.getOrganisation(practice.id);
    expect(stored).toMatchObject({ pcnId: pcn.id, icbId: h.orgs.icb.organisationId });
  });

  it('throws BAD_USER_INPUT naming odsCode for a second organisation with the same code, and keeps the first', async () => {
    await ok(create(h.staff.ADMIN, { kind: 'PCN', odsCode: 'U77003', name: 'First PCN', parentOdsCode: 'QXX' }));

    const again = await create(h.staff.ADMIN, {
      kind: 'PCN',
      odsCode: 'u77003',
      name: 'Second PCN',
      parentOdsCode: 'QXX',
    });

    expect(again.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'odsCode' });
    expect((await h.linkwork.identity.findOrganisationByOdsCode('U77003'))?.name).toBe('First PCN');
  });

  it('keeps exactly one organisation when two administrators onboard the same code at once', async () => {
    const attempts = await Promise.all(
      ['Racing PCN A', 'Racing PCN B', 'Racing PCN C'].map((name) =>
        create(h.staff.ADMIN, { kind: 'PCN', odsCode: 'U77004', name, parentOdsCode: 'QXX' }),
      ),
    );

    const succeeded = attempts.filter((response) => response.json.errors === undefined);
    expect(succeeded).toHaveLength(1);
    for (const failed of attempts.filter((response) => response.json.errors !== undefined)) {
      expect(failed.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'odsCode' });
    }
    const children = await h.linkwork.identity.listChildOrganisations(h.orgs.icb.organisationId);
    expect(children.filter((child) => child.odsCode === 'U77004')).toHaveLength(1);
  });

  it.each([
    [{ kind: 'PCN', odsCode: 'A81001', name: 'Wrong PCN', parentOdsCode: 'QXX' }, 'odsCode'],
    [{ kind: 'PRACTICE', odsCode: 'C83001', name: 'Orphan Surgery' }, 'parentOdsCode'],
    [{ kind: 'PRACTICE', odsCode: 'C83002', name: 'Misplaced Surgery', parentOdsCode: 'QXX' }, 'parentOdsCode'],
    [{ kind: 'PCN', odsCode: 'U77005', name: 'Nowhere PCN', parentOdsCode: 'QZZ' }, 'parentOdsCode'],
    [{ kind: 'PCN', odsCode: 'U77006', name: '   ', parentOdsCode: 'QXX' }, 'name'],
  ])('throws BAD_USER_INPUT naming the field for %o', async (input, field) => {
    const response = await create(h.staff.ADMIN, input);

    expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await h.linkwork.identity.findOrganisationByOdsCode(String(input.odsCode))).toBeUndefined();
  });

  it("throws BAD_USER_INPUT naming parentOdsCode for a PCN under another ICB's code", async () => {
    const other = await registerOrganisation(h.linkwork, { kind: 'ICB', name: 'NHS Other ICB', odsCode: 'QOT' });

    const response = await create(h.staff.ADMIN, {
      kind: 'PCN',
      odsCode: 'U77007',
      name: 'Poached PCN',
      parentOdsCode: 'QOT',
    });

    expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'parentOdsCode' });
    expect(await h.linkwork.identity.listChildOrganisations(other.organisationId)).toEqual([]);
  });

  it('returns the renamed organisation, and leaves one outside the ICB (or unknown) FORBIDDEN', async () => {
    await ok(create(h.staff.ADMIN, { kind: 'PCN', odsCode: 'U77008', name: 'Old Name PCN', parentOdsCode: 'QXX' }));
    await registerOrganisation(h.linkwork, { kind: 'ICB', name: 'NHS Far ICB', odsCode: 'QFA' });

    const renamed = await ok(h.gql(h.staff.ADMIN, UPDATE, { input: { odsCode: 'U77008', name: 'New Name PCN' } }));
    const foreign = await h.gql(h.staff.ADMIN, UPDATE, { input: { odsCode: 'QFA', name: 'Taken Over ICB' } });
    const unknown = await h.gql(h.staff.ADMIN, UPDATE, { input: { odsCode: 'U99999', name: 'Ghost PCN' } });

    expect(renamed.updateOrganisation).toMatchObject({ odsCode: 'U77008', name: 'New Name PCN' });
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    expect(codesOf(unknown)).toEqual(['FORBIDDEN']);
    expect((await h.linkwork.identity.findOrganisationByOdsCode('QFA'))?.name).toBe('NHS Far ICB');
    const stored = await h.linkwork.identity.findOrganisationByOdsCode('U77008');
    expect(stored).toMatchObject({ name: 'New Name PCN', version: 1 });
  });
});
