import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CognitoSignInAccounts,
  SIGN_IN_ACCOUNT_ACTIONS,
} from '../../../functions/identity/adapters/cognito-sign-in-accounts';

describe('SIGN_IN_ACCOUNT_ACTIONS', () => {
  it('names the IAM action of every command the Cognito adapter sends, and nothing more', async () => {
    const cognito = mockClient(CognitoIdentityProviderClient);
    cognito.onAnyCommand().resolves({
      User: { Attributes: [{ Name: 'sub', Value: 'u-1' }] },
      UserAttributes: [{ Name: 'sub', Value: 'u-1' }],
      Groups: [{ GroupName: 'LINK_WORKER' }, { GroupName: 'COORDINATOR' }],
    });
    const accounts = new CognitoSignInAccounts({
      client: new CognitoIdentityProviderClient({ region: 'eu-west-2' }),
      userPoolId: 'eu-west-2_pool',
      sendInvitation: false,
    });

    await accounts.createAccount('lena@example.nhs.uk', { role: 'LINK_WORKER', organisationId: 'PCN1' });
    await accounts.findAccount('u-1');
    await accounts.setAccess('u-1', { role: 'ADMIN', organisationId: 'ICB1' });
    await accounts.setAccess('u-1', { role: 'ADMIN' });
    await accounts.disable('u-1');
    await accounts.enable('u-1');
    await accounts.deleteAccount('u-1');

    const sent = new Set(
      cognito.calls().map((call) => `cognito-idp:${call.args[0].constructor.name.replace(/Command$/, '')}`),
    );
    cognito.restore();
    expect([...sent].sort()).toEqual([...SIGN_IN_ACCOUNT_ACTIONS].sort());
  });

  it('sends through a client of its own, made at the first call, when none is given', async () => {
    const cognito = mockClient(CognitoIdentityProviderClient);
    cognito.onAnyCommand().resolves({ UserAttributes: [{ Name: 'sub', Value: 'u-1' }], Enabled: true, Groups: [] });
    const accounts = new CognitoSignInAccounts({ userPoolId: 'eu-west-2_pool', sendInvitation: false });

    const account = await accounts.findAccount('u-1');

    const sent = cognito.calls().map((call) => call.args[0].constructor.name);
    cognito.restore();
    expect(account).toMatchObject({ userId: 'u-1', enabled: true, roles: [] });
    expect(sent).toEqual(['AdminGetUserCommand', 'AdminListGroupsForUserCommand']);
  });
});
