import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import {
  type Attribute,
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/platform/dynamodb/table-definition';
import { acknowledge } from '../compliance';
import type { LinkworkConfig } from '../config';
import { StaffIdentity } from '../constructs/staff-identity';
import { alarmPrefix, logGroupPrefix, resourceName } from '../naming';

export interface StatefulStackProps extends StackProps {
  readonly config: LinkworkConfig;
}

/** Every key in the shared table definition is a string (`createTableInput` declares them all `S` too). */
function stringAttribute(name: string): Attribute {
  return { name, type: AttributeType.STRING };
}

/**
 * What must outlive any deploy: the data key, the table, the backups, the staff user pool and the topic End User
 * Messaging publishes replies to. Everything here is retained on delete; the stateless stack can be torn down and
 * rebuilt from scratch without touching it.
 */
export class StatefulStack extends Stack {
  readonly dataKey: Key;
  readonly table: TableV2;
  readonly inboundSmsTopic: Topic;
  readonly identity: StaffIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { stage } = config;
    const inboundSmsTopicName = resourceName(stage, 'inbound-sms');

    this.dataKey = new Key(this, 'DataKey', {
      alias: `alias/${resourceName(stage, 'data')}`,
      description: `Linkwork ${stage}: encrypts patient data at rest (table, backups, SMS topics, queues, logs)`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.allowServicesToUseDataKey(config, inboundSmsTopicName);

    this.table = new TableV2(this, 'Table', {
      tableName: resourceName(stage, 'table'),
      partitionKey: stringAttribute(tableDefinition.partitionKey),
      sortKey: stringAttribute(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: stringAttribute(gsi.partitionKey),
        sortKey: stringAttribute(gsi.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableDefinition.streamViewType],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      encryption: TableEncryptionV2.customerManagedKey(this.dataKey),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.addBackups(config);

    this.inboundSmsTopic = new Topic(this, 'InboundSmsTopic', {
      topicName: inboundSmsTopicName,
      displayName: `Linkwork ${stage} inbound SMS`,
      masterKey: this.dataKey,
      enforceSSL: true,
    });
    this.inboundSmsTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'EndUserMessagingPublishesRepliesFromThisAccount',
        principals: [new ServicePrincipal('sms-voice.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.inboundSmsTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: { 'aws:SourceArn': `arn:${this.partition}:sms-voice:${this.region}:${this.account}:*` },
        },
      }),
    );

    this.identity = new StaffIdentity(this, 'StaffIdentity', { stage, auth: config.auth });

    // Read by the operator commands (organisation import, first administrator) from cdk-outputs.json.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'Region', { value: this.region });
    new CfnOutput(this, 'InboundSmsTopicArn', {
      value: this.inboundSmsTopic.topicArn,
      description: 'Set as the two-way SMS destination of the long code in AWS End User Messaging',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.webClient.userPoolClientId });
    if (this.identity.domain) {
      new CfnOutput(this, 'HostedSignInBaseUrl', { value: this.identity.domain.baseUrl() });
    }
  }

  /**
   * Services that write encrypted data on our behalf need the key in its own policy; each statement is limited to
   * this account and, where the service says which resource it acts for, to this stage's resources.
   */
  private allowServicesToUseDataKey(config: LinkworkConfig, inboundSmsTopicName: string): void {
    const { account, region, partition } = this;
    const { stage } = config;
    this.dataKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsThisStagesLogGroups',
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:${logGroupPrefix(stage)}*`,
          },
        },
      }),
    );
    this.dataKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'EndUserMessagingPublishesToTheEncryptedInboundTopic',
        principals: [new ServicePrincipal('sms-voice.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:sms-voice:${region}:${account}:*` },
        },
      }),
    );
    this.dataKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SnsRedrivesFailedInboundSmsToTheEncryptedDeadLetterQueue',
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:sns:${region}:${account}:${inboundSmsTopicName}` },
        },
      }),
    );
    this.dataKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedAlarmTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:${alarmPrefix(stage)}*` },
        },
      }),
    );
  }

  /**
   * Point-in-time recovery covers 35 days; AWS Backup adds daily snapshots kept 35 days and monthly ones kept a year,
   * outside the table's own lifecycle (cdk-nag's "table in a backup plan" rule cannot see a global table).
   */
  private addBackups(config: LinkworkConfig): void {
    const vault = new BackupVault(this, 'BackupVault', {
      backupVaultName: resourceName(config.stage, 'backups'),
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new BackupPlan(this, 'BackupPlan', {
      backupPlanName: resourceName(config.stage, 'table'),
      backupVault: vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: Schedule.cron({ hour: '3', minute: '0' }),
          deleteAfter: Duration.days(35),
        }),
        BackupPlanRule.monthly1Year(vault),
      ],
    });
    const selection = plan.addSelection('Table', {
      resources: [BackupResource.fromArn(this.table.tableArn)],
      allowRestores: false,
    });
    acknowledge(
      selection,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AWS Backup documents this managed policy as the minimal role for taking backups; AWS keeps it current.',
    );
  }
}
