import type { AttributeType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ROLES, type Role } from '../entities/staff-user';
import { SignInAccountExistsError } from '../errors';
import type { SignInAccess, SignInAccount, SignInAccounts } from '../ports';

/**
 * The claim that scopes a member of staff, as the user pool in infra/constructs/staff-identity.ts declares it
 * (custom attribute `organisationId`) and functions/graphql/auth.ts reads it. Role groups are named after ROLES.
 */
export const ORGANISATION_CLAIM = 'custom:organisationId';

/**
 * Every IAM action this adapter's calls need, each on the staff user pool only: infra grants exactly these to the
 * GraphQL function (infra/stacks/stateless-stack.ts), and a unit test checks that every command sent is among them.
 */
export const SIGN_IN_ACCOUNT_ACTIONS = [
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDeleteUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUpdateUserAttributes',
] as const;

/**
 * The Cognito client and commands, loaded at the first staff administration call: a static import of an external
 * package is required at module load, and only staff administration calls Cognito, so every other cold start of the
 * GraphQL function (a caseload, a referral) loaded it for nothing (15-40 ms; docs/performance.md, "Cold start").
 */
function cognito(): typeof import('@aws-sdk/client-cognito-identity-provider') {
  return require('@aws-sdk/client-cognito-identity-provider');
}

export interface CognitoSignInAccountsOptions {
  /** A client for the pool's region (made on first use, for the Lambda's own region, unless given). */
  client?: CognitoIdentityProviderClient;
  userPoolId: string;
  /**
   * Send Cognito's invitation e-mail with a temporary password (what AWS deployments want). Off against the local
   * emulator, which cannot deliver it.
   */
  sendInvitation: boolean;
}

function isError(error: unknown, name: string): boolean {
  return (error as { name?: string } | undefined)?.name === name;
}

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((candidate) => candidate.Name === name)?.Value;
}

function isRole(group: string | undefined): group is Role {
  return (ROLES as readonly (string | undefined)[]).includes(group);
}

/**
 * Staff accounts in the Cognito user pool. The pool signs in by e-mail (`UsernameAttributes: email`), so Cognito
 * makes each user's username its `sub`: every call after the create addresses the account by that subject, which is
 * also the staff record's `userId`, and an e-mail change could never leave the two pointing at different people.
 */
export class CognitoSignInAccounts implements SignInAccounts {
  private givenClient: CognitoIdentityProviderClient | undefined;
  private readonly userPoolId: string;
  private readonly sendInvitation: boolean;

  constructor(options: CognitoSignInAccountsOptions) {
    this.givenClient = options.client;
    this.userPoolId = options.userPoolId;
    this.sendInvitation = options.sendInvitation;
  }

  private get client(): CognitoIdentityProviderClient {
    this.givenClient ??= new (cognito().CognitoIdentityProviderClient)({});
    return this.givenClient;
  }

  async createAccount(email: string, access: SignInAccess): Promise<{ userId: string }> {
    const { AdminCreateUserCommand, AdminGetUserCommand } = cognito();
    let userId: string | undefined;
    try {
      const { User } = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            // The administrator vouches for the address; unverified, it could not receive a password reset.
            { Name: 'email_verified', Value: 'true' },
            ...(access.organisationId ? [{ Name: ORGANISATION_CLAIM, Value: access.organisationId }] : []),
          ],
          DesiredDeliveryMediums: ['EMAIL'],
          ...(this.sendInvitation ? {} : { MessageAction: 'SUPPRESS' as const }),
        }),
      );
      userId = attribute(User?.Attributes, 'sub');
    } catch (error) {
      if (isError(error, 'UsernameExistsException')) {
        const existing = await this.client.send(
          new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }),
        );
        throw new SignInAccountExistsError(attribute(existing.UserAttributes, 'sub') ?? existing.Username!, {
          cause: error,
        });
      }
      throw error;
    }
    if (!userId) throw new Error('Cognito created a user without a sub attribute');

    try {
      await this.addToRoleGroup(userId, access.role);
    } catch (error) {
      // An account in no role group cannot use the API, but it would still block its e-mail: undo the create.
      await this.deleteAccount(userId).catch((undoError: unknown) => {
        throw new AggregateError([error, undoError], 'Cognito account left without a role group', { cause: error });
      });
      throw error;
    }
    return { userId };
  }

  async findAccount(userId: string): Promise<SignInAccount | undefined> {
    const { AdminGetUserCommand } = cognito();
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: userId }));
      const organisationId = attribute(user.UserAttributes, ORGANISATION_CLAIM);
      return {
        userId: attribute(user.UserAttributes, 'sub') ?? userId,
        email: attribute(user.UserAttributes, 'email') ?? '',
        enabled: user.Enabled ?? false,
        roles: (await this.listGroups(userId)).filter(isRole),
        ...(organisationId ? { organisationId } : {}),
      };
    } catch (error) {
      if (isError(error, 'UserNotFoundException')) return undefined;
      throw error;
    }
  }

  async setAccess(userId: string, access: SignInAccess): Promise<void> {
    const { AdminDeleteUserAttributesCommand, AdminRemoveUserFromGroupCommand, AdminUpdateUserAttributesCommand } =
      cognito();
    // Join the new group before leaving the old: in between the account is refused for holding two roles, never
    // left holding none by a failure between the calls.
    await this.addToRoleGroup(userId, access.role);
    if (access.organisationId) {
      await this.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: userId,
          UserAttributes: [{ Name: ORGANISATION_CLAIM, Value: access.organisationId }],
        }),
      );
    } else {
      await this.client.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: userId,
          UserAttributeNames: [ORGANISATION_CLAIM],
        }),
      );
    }
    for (const group of await this.listGroups(userId)) {
      if (isRole(group) && group !== access.role) {
        await this.client.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: userId, GroupName: group }),
        );
      }
    }
  }

  async disable(userId: string): Promise<void> {
    const { AdminDisableUserCommand } = cognito();
    try {
      await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: userId }));
    } catch (error) {
      // No account cannot sign in either: deactivating someone whose account was removed by hand still succeeds.
      if (!isError(error, 'UserNotFoundException')) throw error;
    }
  }

  async enable(userId: string): Promise<void> {
    const { AdminEnableUserCommand } = cognito();
    await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: userId }));
  }

  async deleteAccount(userId: string): Promise<void> {
    const { AdminDeleteUserCommand } = cognito();
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: userId }));
    } catch (error) {
      if (!isError(error, 'UserNotFoundException')) throw error;
    }
  }

  private async addToRoleGroup(userId: string, role: Role): Promise<void> {
    const { AdminAddUserToGroupCommand } = cognito();
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: userId, GroupName: role }),
    );
  }

  private async listGroups(userId: string): Promise<string[]> {
    const { AdminListGroupsForUserCommand } = cognito();
    const groups: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: userId, NextToken: nextToken }),
      );
      for (const group of page.Groups ?? []) if (group.GroupName) groups.push(group.GroupName);
      nextToken = page.NextToken;
    } while (nextToken);
    return groups;
  }
}
