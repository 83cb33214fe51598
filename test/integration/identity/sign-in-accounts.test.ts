import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DeleteGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LocalSignInAccounts } from '../../../functions/identity/adapters/local-sign-in-accounts';
import { SignInAccountExistsError } from '../../../functions/identity/errors';
import { createIdGenerator } from '../../../functions/shared/ids';
import { ADAPTERS, type SignInHarness, startHarness } from './sign-in-harness';

describe.each(ADAPTERS)('SignInAccounts (%s)', (adapter) => {
  let harness: SignInHarness;
  let counter = 0;
  const email = () => `staff.${++counter}@example.nhs.uk`;

  beforeAll(async () => {
    harness = await startHarness(adapter);
  }, 60_000);
  afterAll(() => harness.stop());

  it('returns a subject whose account signs in with the e-mail, in the role group, scoped to the organisation', async () => {
    const address = email();

    const { userId } = await harness.accounts.createAccount(address, { role: 'LINK_WORKER', organisationId: 'PCN-1' });

    expect(await harness.accounts.findAccount(userId)).toEqual({
      userId,
      email: address,
      enabled: true,
      roles: ['LINK_WORKER'],
      organisationId: 'PCN-1',
    });
  });

  it('returns an account with no organisation claim for a national administrator', async () => {
    const { userId } = await harness.accounts.createAccount(email(), { role: 'ADMIN' });

    const account = await harness.accounts.findAccount(userId);

    expect(account).toMatchObject({ roles: ['ADMIN'], enabled: true });
    expect(account).not.toHaveProperty('organisationId');
  });

  it('throws SignInAccountExistsError carrying the existing subject when the e-mail already has an account', async () => {
    const address = email();
    const first = await harness.accounts.createAccount(address, { role: 'COORDINATOR', organisationId: 'PCN-1' });

    const second = harness.accounts.createAccount(address, { role: 'ADMIN', organisationId: 'ICB-1' });

    await expect(second).rejects.toThrow(SignInAccountExistsError);
    await expect(second).rejects.toMatchObject({ userId: first.userId });
    expect((await harness.accounts.findAccount(first.userId))?.roles).toEqual(['COORDINATOR']);
  });

  it('moves the account to exactly one new role group and organisation, and clears the organisation', async () => {
    const { userId } = await harness.accounts.createAccount(email(), { role: 'LINK_WORKER', organisationId: 'PCN-1' });

    await harness.accounts.setAccess(userId, { role: 'COMMISSIONER', organisationId: 'ICB-1' });
    const moved = await harness.accounts.findAccount(userId);
    await harness.accounts.setAccess(userId, { role: 'ADMIN' });
    const national = await harness.accounts.findAccount(userId);

    expect(moved).toMatchObject({ roles: ['COMMISSIONER'], organisationId: 'ICB-1' });
    expect(national?.roles).toEqual(['ADMIN']);
    expect(national).not.toHaveProperty('organisationId');
  });

  it('disables and enables the account, each repeatable', async () => {
    const { userId } = await harness.accounts.createAccount(email(), { role: 'PROVIDER', organisationId: 'PRV-1' });

    await harness.accounts.disable(userId);
    await harness.accounts.disable(userId);
    const disabled = await harness.accounts.findAccount(userId);
    await harness.accounts.enable(userId);

    expect(disabled?.enabled).toBe(false);
    expect((await harness.accounts.findAccount(userId))?.enabled).toBe(true);
  });

  it('deletes the account, frees its e-mail, and does nothing when deleting it again', async () => {
    const address = email();
    const { userId } = await harness.accounts.createAccount(address, { role: 'LINK_WORKER', organisationId: 'PCN-1' });

    await harness.accounts.deleteAccount(userId);
    await harness.accounts.deleteAccount(userId);

    expect(await harness.accounts.findAccount(userId)).toBeUndefined();
    expect(await harness.accountEmails()).not.toContain(address);
    const again = await harness.accounts.createAccount(address, { role: 'LINK_WORKER', organisationId: 'PCN-1' });
    expect(again.userId).not.toBe(userId);
  });

  it('does nothing when asked to disable an account that does not exist', async () => {
    await expect(harness.accounts.disable('8d5e4a52-0000-4000-8000-000000000000')).resolves.toBeUndefined();
  });
});

describe('CognitoSignInAccounts (cognito-local)', () => {
  let harness: SignInHarness;

  beforeAll(async () => {
    harness = await startHarness('cognito');
  }, 60_000);
  afterAll(() => harness.stop());

  it('creates the user the way the deployed pool needs it: username is the sub, e-mail verified', async () => {
    const { client } = harness.cognito!.emulator;
    const { userPoolId } = harness.cognito!;

    const { userId } = await harness.accounts.createAccount('verified@example.nhs.uk', { role: 'COORDINATOR' });

    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userId }));
    expect(user.Username).toBe(userId);
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: userId },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: userId }));
    expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['COORDINATOR']);
  });

  it('throws and leaves no user behind when Cognito refuses the role group', async () => {
    const { client } = harness.cognito!.emulator;
    await client.send(new DeleteGroupCommand({ UserPoolId: harness.cognito!.userPoolId, GroupName: 'PROVIDER' }));

    const attempt = harness.accounts.createAccount('no-group@example.nhs.uk', {
      role: 'PROVIDER',
      organisationId: 'PRV-1',
    });

    await expect(attempt).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await harness.accountEmails()).not.toContain('no-group@example.nhs.uk');
  });
});

describe('LocalSignInAccounts', () => {
  let harness: SignInHarness;

  beforeAll(async () => {
    harness = await startHarness('local');
  });
  afterAll(() => harness.stop());

  it('announces each new account, so npm start can print a token for it', async () => {
    const announced: unknown[] = [];
    const accounts = new LocalSignInAccounts(harness.store, createIdGenerator(), (account) => announced.push(account));

    const { userId } = await accounts.createAccount('announced@example.nhs.uk', {
      role: 'LINK_WORKER',
      organisationId: 'PCN-1',
    });

    expect(announced).toEqual([{ userId, role: 'LINK_WORKER', organisationId: 'PCN-1' }]);
  });

  it('changes nothing for a seeded staff user who has no local account', async () => {
    await harness.accounts.setAccess('lw-asha', { role: 'COORDINATOR', organisationId: 'PCN-1' });
    await harness.accounts.enable('lw-asha');

    expect(await harness.accounts.findAccount('lw-asha')).toBeUndefined();
  });
});
