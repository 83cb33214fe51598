import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ROLES } from '../../functions/identity/entities/staff-user';
import { tableDefinition } from '../../functions/platform/dynamodb/table-definition';
import { synthesiseStage } from './support';

type Statement = { Sid?: string; Effect: string; Principal?: unknown; Action: string | string[]; Condition?: unknown };

describe('StatefulStack', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesiseStage().statefulTemplate;
  });

  function keyPolicyStatement(sid: string): Statement {
    const [key] = Object.values(template.findResources('AWS::KMS::Key'));
    const statement = (key.Properties.KeyPolicy.Statement as Statement[]).find((s) => s.Sid === sid);
    if (!statement) throw new Error(`no key policy statement ${sid}`);
    return statement;
  }

  describe('table', () => {
    it('is one TableV2 with the key schema, indexes, TTL and stream of the shared table definition', () => {
      template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        TableName: 'linkwork-prod-table',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
    });

    it('bills on demand', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { BillingMode: 'PAY_PER_REQUEST' });
    });

    // cdk-nag's DynamoDB rules only read AWS::DynamoDB::Table; these assertions stand in for them on the global table.
    it('has point-in-time recovery and deletion protection on its replica', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        Replicas: [
          Match.objectLike({
            Region: 'eu-west-2',
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
            DeletionProtectionEnabled: true,
          }),
        ],
      });
    });

    it('is encrypted with the customer-managed data key', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } },
          }),
        ],
      });
    });

    it('is retained when the stack or resource is deleted', () => {
      template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    it('is in a backup plan with daily and monthly rules', () => {
      template.hasResourceProperties('AWS::Backup::BackupSelection', {
        BackupSelection: Match.objectLike({
          Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'Arn'] }],
        }),
      });
      template.hasResourceProperties('AWS::Backup::BackupPlan', {
        BackupPlan: Match.objectLike({
          BackupPlanRule: [
            Match.objectLike({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 35 } }),
            Match.objectLike({ RuleName: 'Monthly1Year', Lifecycle: { DeleteAfterDays: 365 } }),
          ],
        }),
      });
    });
  });

  describe('data key', () => {
    it('rotates automatically and is retained', () => {
      template.hasResource('AWS::KMS::Key', {
        Properties: Match.objectLike({ EnableKeyRotation: true, PendingWindowInDays: 30 }),
        DeletionPolicy: 'Retain',
      });
      template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/linkwork-prod-data' });
    });

    it('lets End User Messaging use it for this account only', () => {
      expect(keyPolicyStatement('EndUserMessagingPublishesToTheEncryptedInboundTopic')).toMatchObject({
        Effect: 'Allow',
        Principal: { Service: 'sms-voice.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:sms-voice:eu-west-2:123456789012:*' },
        },
      });
    });

    it("lets CloudWatch Logs use it for this stage's log groups only", () => {
      expect(keyPolicyStatement('CloudWatchLogsEncryptsThisStagesLogGroups')).toMatchObject({
        Principal: { Service: 'logs.eu-west-2.amazonaws.com' },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-2:123456789012:log-group:/linkwork/prod/*',
          },
        },
      });
    });

    it("lets CloudWatch alarms (this stage's) and SNS redrive (the inbound topic's) use it", () => {
      expect(keyPolicyStatement('CloudWatchAlarmsPublishToTheEncryptedAlarmTopic')).toMatchObject({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-2:123456789012:alarm:linkwork-prod-*' },
        },
      });
      expect(keyPolicyStatement('SnsRedrivesFailedInboundSmsToTheEncryptedDeadLetterQueue')).toMatchObject({
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-2:123456789012:linkwork-prod-inbound-sms' },
        },
      });
    });
  });

  describe('inbound SMS topic', () => {
    it('is encrypted with the data key', () => {
      template.hasResourceProperties('AWS::SNS::Topic', {
        TopicName: 'linkwork-prod-inbound-sms',
        KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] },
      });
    });

    it('lets sms-voice.amazonaws.com publish from this account only, over TLS only', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Sid: 'EndUserMessagingPublishesRepliesFromThisAccount',
              Effect: 'Allow',
              Principal: { Service: 'sms-voice.amazonaws.com' },
              Action: 'sns:Publish',
              Condition: {
                StringEquals: { 'aws:SourceAccount': '123456789012' },
                ArnLike: { 'aws:SourceArn': 'arn:aws:sms-voice:eu-west-2:123456789012:*' },
              },
            }),
          ]),
        },
      });
    });
  });

  describe('staff user pool', () => {
    it('has one group per role', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
      for (const role of ROLES) {
        template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
      }
    });

    it('carries the organisation scope as a custom attribute the GraphQL function reads', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith([
          Match.objectLike({ Name: 'organisationId', AttributeDataType: 'String', Mutable: true }),
        ]),
      });
    });

    it('lets users read their organisation but not change it', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        ReadAttributes: Match.arrayWith(['custom:organisationId']),
        WriteAttributes: ['email'],
        GenerateSecret: false,
      });
    });

    it('admits staff only, with TOTP MFA, on the Plus plan with threat protection enforced', () => {
      template.hasResource('AWS::Cognito::UserPool', {
        Properties: Match.objectLike({
          AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
          MfaConfiguration: 'ON',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          UserPoolTier: 'PLUS',
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
          DeletionProtection: 'ACTIVE',
        }),
        DeletionPolicy: 'Retain',
      });
    });

    it('has the hosted sign-in domain and code-grant callbacks from config', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'linkwork-example-icb' });
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlows: ['code'],
        CallbackURLs: ['https://linkwork.example.nhs.uk/'],
      });
    });
  });

  it('outputs what a deployer needs next', () => {
    for (const output of ['TableName', 'InboundSmsTopicArn', 'UserPoolId', 'UserPoolClientId', 'HostedSignInBaseUrl']) {
      template.hasOutput(output, {});
    }
  });

  it('outputs the table, region and user pool the operator commands read from cdk-outputs.json', () => {
    template.hasOutput('Region', { Value: 'eu-west-2' });
    template.hasOutput('TableName', { Value: { Ref: Match.stringLikeRegexp('^Table') } });
    template.hasOutput('UserPoolId', { Value: { Ref: Match.stringLikeRegexp('UserPool') } });
  });
});
