import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLinkwork } from '../../../functions/app/composition-root';
import { createGraphQLHandler } from '../../../functions/graphql/lambda';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { type CognitoLocal, createStaffUserPool, startCognitoLocal } from '../../support/cognito-local';
import { graphqlEvent, type HandlerResult, lambdaContext, staffClaims } from '../../support/events';
import { codesOf, type Data, ok } from '../graphql/follow-up-support';
import { createHarness, type Harness, parseResult } from '../graphql/harness';

const CREATE = `mutation Create($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) { id role name email contactRoute active organisation { id kind } }
}`;
const UPDATE = `mutation Update($input: UpdateStaffUserInput!) {
  updateStaffUser(input: $input) { id role name contactRoute organisation { id } }
}`;
const DEACTIVATE = 'mutation Deactivate($id: ID!) { deactivateStaffUser(userId: $id) { id active } }';
const REACTIVATE = 'mutation Reactivate($id: ID!) { reactivateStaffUser(userId: $id) { id active } }';
const ME = '{ me { id role } }';

/*
 * Staff administration through the Lambda handler, wired by the composition root: the local sign-in accounts (what
 * `npm start` uses) under the usual harness, and the Cognito adapter against cognito-local through the real SDK.
 * What a new member of staff's token would carry is taken from their sign-in account, then sent as API Gateway's
 * authorizer would, so the staff record and the account are checked against each other by auth.ts.
 */
describe('staff mutations through GraphQL', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** The claims the user's sign-in account would put in a token, as the API sees them. */
  async function tokenOf(userId: string): Promise<StaffUser> {
    const account = await h.linkwork.staff.accounts.findAccount(userId);
    if (!account) throw new Error('no sign-in account');
    return {
      userId: account.userId,
      role: account.roles[0]!,
      ...(account.organisationId ? { organisationId: account.organisationId } : {}),
    } as StaffUser;
  }

  async function newLinkWorker(email: string): Promise<Data> {
    const data = await ok(
      h.gql(h.staff.ADMIN, CREATE, {
        input: { email, name: 'Nell New', role: 'LINK_WORKER', organisationId: h.orgs.pcn.organisationId },
      }),
    );
    return data.createStaffUser;
  }

  it('returns a new link worker whose sign-in account gets through the API as them', async () => {
    const created = await newLinkWorker('Nell.New@Example.NHS.uk');

    expect(created).toMatchObject({
      role: 'LINK_WORKER',
      email: 'nell.new@example.nhs.uk',
      active: true,
      organisation: { id: h.orgs.pcn.organisationId, kind: 'PCN' },
    });
    const me = await ok(h.gql(await tokenOf(created.id), ME));
    expect(me.me).toEqual({ id: created.id, role: 'LINK_WORKER' });
  });

  it('throws FORBIDDEN for a coordinator, and BAD_USER_INPUT naming the field for a reused e-mail or a foreign organisation', async () => {
    await newLinkWorker('twice@example.nhs.uk');
    const input = {
      email: 'x@example.nhs.uk',
      name: 'X',
      role: 'LINK_WORKER',
      organisationId: h.orgs.pcn.organisationId,
    };

    const byCoordinator = await h.gql(h.staff.COORDINATOR, CREATE, { input });
    const reused = await h.gql(h.staff.ADMIN, CREATE, { input: { ...input, email: 'TWICE@example.nhs.uk' } });
    const wrongKind = await h.gql(h.staff.ADMIN, CREATE, {
      input: { ...input, organisationId: h.orgs.provider.organisationId },
    });

    expect(codesOf(byCoordinator)).toEqual(['FORBIDDEN']);
    expect(reused.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(wrongKind.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'organisationId' });
  });

  it('refuses the old token at once when the role changes, and lets the new one through', async () => {
    const created = await newLinkWorker('promoted@example.nhs.uk');
    const oldToken = await tokenOf(created.id);

    const updated = await ok(
      h.gql(h.staff.ADMIN, UPDATE, {
        input: { userId: created.id, role: 'COORDINATOR', contactRoute: 'Team on 0113 496 0000' },
      }),
    );

    expect(updated.updateStaffUser).toMatchObject({
      role: 'COORDINATOR',
      name: 'Nell New',
      contactRoute: 'Team on 0113 496 0000',
    });
    expect((await h.gql(oldToken, ME)).status).toBe(401);
    expect((await ok(h.gql(await tokenOf(created.id), ME))).me.role).toBe('COORDINATOR');
  });

  it('refuses a deactivated member of staff at once and lets them back in when reactivated', async () => {
    const created = await newLinkWorker('leaver@example.nhs.uk');
    const token = await tokenOf(created.id);

    const deactivated = await ok(h.gql(h.staff.ADMIN, DEACTIVATE, { id: created.id }));
    const refused = await h.gql(token, ME);
    const account = await h.linkwork.staff.accounts.findAccount(created.id);
    const reactivated = await ok(h.gql(h.staff.ADMIN, REACTIVATE, { id: created.id }));

    expect(deactivated.deactivateStaffUser).toEqual({ id: created.id, active: false });
    expect(refused.status).toBe(401);
    expect(account?.enabled).toBe(false);
    expect(reactivated.reactivateStaffUser).toEqual({ id: created.id, active: true });
    expect((await ok(h.gql(token, ME))).me.id).toBe(created.id);
  });

  it('throws FORBIDDEN for deactivating yourself or someone who does not exist', async () => {
    expect(codesOf(await h.gql(h.staff.ADMIN, DEACTIVATE, { id: h.staff.ADMIN.userId }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await h.gql(h.staff.ADMIN, DEACTIVATE, { id: 'nobody-at-all' }))).toEqual(['FORBIDDEN']);
  });

  describe('with the Cognito adapter (cognito-local, real SDK)', () => {
    let cognito: CognitoLocal;
    let userPoolId: string;

    beforeAll(async () => {
      cognito = await startCognitoLocal();
      userPoolId = await createStaffUserPool(cognito.client);
    }, 60_000);
    afterAll(() => cognito.stop());

    it('creates the Cognito user in the role group with the organisation claim, named by the record id', async () => {
      const linkwork = createLinkwork({
        store: h.store,
        clock: h.clock,
        signIn: { kind: 'cognito', client: cognito.client, userPoolId, sendInvitation: false },
      });
      const handler = createGraphQLHandler({ store: h.store, stage: 'test', linkwork });
      const input = {
        email: 'cora.cognito@example.nhs.uk',
        name: 'Cora Cognito',
        role: 'LINK_WORKER',
        organisationId: h.orgs.pcn.organisationId,
      };

      const response = parseResult<Data>(
        (await handler(
          graphqlEvent(CREATE, { input }, { claims: staffClaims(h.staff.ADMIN) }),
          lambdaContext(),
          () => {},
        )) as HandlerResult,
      );

      const created = response.json.data?.createStaffUser;
      expect(response.json.errors).toBeUndefined();
      const user = await cognito.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: created.id }));
      const groups = await cognito.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: created.id }),
      );
      const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
      expect(attributes).toMatchObject({
        sub: created.id,
        email: 'cora.cognito@example.nhs.uk',
        'custom:organisationId': h.orgs.pcn.organisationId,
      });
      expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['LINK_WORKER']);
      expect(await h.linkwork.identity.getStaffUser(created.id)).toMatchObject({ role: 'LINK_WORKER', active: true });
    });
  });
});
