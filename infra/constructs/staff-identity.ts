import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../functions/identity/entities/staff-user';
import type { AuthConfig, Stage } from '../config';
import { resourceName } from '../naming';

/**
 * The custom attribute that scopes a member of staff to an organisation; the GraphQL function reads it from the ID
 * token as `custom:organisationId`. Custom attributes can never be removed or renamed, so there is only this one: the
 * organisation tree (ICB, PCN, practice) is in the table.
 */
export const ORGANISATION_ATTRIBUTE = 'organisationId';

export interface StaffIdentityProps {
  readonly stage: Stage;
  readonly auth: AuthConfig;
}

/**
 * Who may sign in: staff only (no self sign-up), e-mail as username, TOTP multi-factor required, Cognito's Plus plan
 * with threat protection enforcing (compromised-credential and risky sign-in checks). One group per role.
 */
export class StaffIdentity extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain?: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffIdentityProps) {
    super(scope, id);
    const { stage, auth } = props;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: resourceName(stage, 'staff'),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [ORGANISATION_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your Linkwork account',
        emailBody:
          'An administrator has created a Linkwork account for you. Sign in with {username} and the temporary ' +
          'password {####}; you will be asked to choose a new password and to set up an authenticator app.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    ROLES.forEach((role, precedence) => {
      this.userPool.addGroup(role, {
        groupName: role,
        description: `Linkwork role ${role}; a user belongs to exactly one role group`,
        precedence,
      });
    });

    // A public client for the web app. Users may read their organisation but never write it: that is an admin action.
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(ORGANISATION_ATTRIBUTE),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
      ...(auth.cognitoDomainPrefix
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [...auth.callbackUrls],
              logoutUrls: [...auth.logoutUrls],
            },
          }
        : { disableOAuth: true }),
    });

    if (auth.cognitoDomainPrefix) {
      this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: auth.cognitoDomainPrefix } });
    }
  }
}
