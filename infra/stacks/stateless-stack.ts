import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { SIGN_IN_ACCOUNT_ACTIONS } from '../../functions/identity/adapters/cognito-sign-in-accounts';
import { acknowledge } from '../compliance';
import type { LinkworkConfig } from '../config';
import { OperationalAlarms } from '../constructs/alarms';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { GraphqlApi } from '../constructs/graphql-api';
import { type AsyncInvocationOptions, LinkworkFunction } from '../constructs/linkwork-function';
import { Schedules } from '../constructs/schedules';
import { FUNCTION_ENTRIES, type FunctionKey, TABLE_ACCESS } from '../functions';
import { resourceName } from '../naming';
import { grantTableAccess } from '../table-access';

/** What the stateless stack uses from the stateful one. */
export interface StatefulResources {
  readonly dataKey: IKey;
  readonly table: ITableV2;
  readonly inboundSmsTopic: ITopic;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
}

export interface StatelessStackProps extends StackProps {
  readonly config: LinkworkConfig;
  readonly stateful: StatefulResources;
  /** Handler files by function; defaults to the real ones (tests swap in a fixture). */
  readonly functionEntries?: Partial<Record<FunctionKey, string>>;
}

/**
 * A sweep starts sending for 58 s of each minute, so texts flow for 58/60 of the time (a backlog drains within 4% of
 * N / rate). It may run on a few seconds past the minute to finish what it started (timeout 75 s); the next tick then
 * waits (reserved concurrency 1) and Lambda's asynchronous queue runs it as soon as this one ends, so two sweeps never
 * share the number's rate.
 */
const DISPATCHER_TIMEOUT = Duration.seconds(75);
const DISPATCHER_RUN_BUDGET = Duration.seconds(58);

/** Sizing per function: memory (and so CPU), timeout, reserved concurrency. */
interface Sizing {
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly reservedConcurrency: number;
  readonly asyncInvocation?: AsyncInvocationOptions;
}

/**
 * Functions, API, schedules and alarms: everything that can be deleted and recreated from code. It reads the table,
 * key, topic and user pool from the stateful stack and owns nothing that holds patient data beyond a retry.
 */
export class StatelessStack extends Stack {
  readonly functions: Record<FunctionKey, LinkworkFunction>;
  readonly api: GraphqlApi;
  readonly schedules: Schedules;
  readonly alarms: OperationalAlarms;
  readonly foldStreamFailures: Queue;
  readonly inboundSmsDeadLetters: Queue;
  readonly cursorKey: Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const { stage, sms } = config;
    const entries = { ...FUNCTION_ENTRIES, ...props.functionEntries };
    const tableEnvironment = { TABLE_NAME: stateful.table.tableName };
    const smsIdentity = {
      ...(sms.originationNumber ? { SMS_ORIGINATION_NUMBER: sms.originationNumber } : {}),
      ...(sms.senderId ? { SMS_SENDER_ID: sms.senderId } : {}),
    };

    const make = (key: FunctionKey, name: string, description: string, sizing: Sizing, environment = {}) =>
      new LinkworkFunction(this, pascal(key), {
        name,
        stage,
        entry: entries[key],
        description,
        ...sizing,
        logLevel: config.logLevel,
        logRetentionDays: config.logRetentionDays,
        key: stateful.dataKey,
        environment: { ...tableEnvironment, ...environment },
      });

    // Seals paging cursors (functions/platform/cursor-codec.ts). Losing it only invalidates cursors clients hold,
    // so it lives here, with the functions that use it, and goes with the stack. The data key is referenced by ARN:
    // grants on it then go into this stack's role policies (the key's own policy lets the account delegate), instead
    // of into the key policy in the stateful stack, which would make the two stacks depend on each other.
    this.cursorKey = new Secret(this, 'CursorKey', {
      secretName: resourceName(stage, 'cursor-key'),
      description: `Linkwork ${stage}: the key the GraphQL API seals paging cursors with`,
      encryptionKey: Key.fromKeyArn(this, 'DataKeyForSecrets', stateful.dataKey.keyArn),
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.functions = {
      graphql: make(
        'graphql',
        'graphql',
        'GraphQL API for staff',
        {
          memorySize: 1024,
          timeout: Duration.seconds(20),
          reservedConcurrency: config.api.reservedConcurrency,
        },
        { CURSOR_KEY_SECRET_ARN: this.cursorKey.secretArn, USER_POOL_ID: stateful.userPool.userPoolId },
      ),
      dispatcher: make(
        'dispatcher',
        'dispatcher',
        'Sends due SMS check-ins, every minute',
        {
          memorySize: 512,
          timeout: DISPATCHER_TIMEOUT,
          // One sweep at a time: SMS_RATE_PER_SECOND is per run, and the long code's throughput is per number.
          reservedConcurrency: 1,
          // A failed tick is not retried: the next minute's sweep picks up the same check-ins.
          asyncInvocation: { retryAttempts: 0, maxEventAge: Duration.minutes(2) },
        },
        {
          ...smsIdentity,
          SENDING_WINDOW: sms.sendingWindow,
          SMS_RATE_PER_SECOND: String(sms.ratePerSecond),
          RUN_BUDGET_MS: String(DISPATCHER_RUN_BUDGET.toMilliseconds()),
        },
      ),
      inboundSms: make(
        'inboundSms',
        'inbound-sms',
        'Records SMS replies from patients',
        {
          memorySize: 512,
          timeout: Duration.seconds(30),
          reservedConcurrency: 5,
          // Replies are deduplicated by inboundMessageId, so retries are safe.
          asyncInvocation: { retryAttempts: 2, maxEventAge: Duration.hours(6) },
        },
        smsIdentity,
      ),
      foldStream: make('foldStream', 'fold-stream', 'Folds outcome changes from the table stream into figures', {
        memorySize: 512,
        timeout: Duration.seconds(60),
        reservedConcurrency: 5,
      }),
      reconcile: make('reconcile', 'reconcile', 'Rebuilds outcome figures from outcome records, nightly', {
        memorySize: 1024,
        timeout: Duration.minutes(10),
        reservedConcurrency: 1,
        asyncInvocation: { retryAttempts: 2, maxEventAge: Duration.hours(6) },
      }),
    };

    for (const [key, fn] of entriesOf(this.functions)) {
      grantTableAccess(stateful.table, fn.role, TABLE_ACCESS[key]);
    }
    this.cursorKey.grantRead(this.functions.graphql.role);
    // Staff administration (createStaffUser and friends): exactly the calls CognitoSignInAccounts makes, on this pool.
    stateful.userPool.grant(this.functions.graphql.role, ...SIGN_IN_ACCOUNT_ACTIONS);

    // SMS: texts to phone numbers only, never to a topic; the dispatcher also reports its lag.
    this.functions.dispatcher.allowSmsToPhoneNumbersOnly();
    this.functions.dispatcher.allowPutMetricsInOwnNamespace();
    this.functions.inboundSms.allowSmsToPhoneNumbersOnly();

    this.inboundSmsDeadLetters = new DeadLetterQueue(this, 'InboundSmsDeadLetters', {
      key: stateful.dataKey,
      purpose: 'inbound SMS that SNS could not deliver to the function',
    }).queue;
    stateful.inboundSmsTopic.addSubscription(
      new LambdaSubscription(this.functions.inboundSms.fn, { deadLetterQueue: this.inboundSmsDeadLetters }),
    );

    this.foldStreamFailures = new DeadLetterQueue(this, 'FoldStreamFailures', {
      key: stateful.dataKey,
      purpose: 'descriptions of stream batches outcome folding gave up on',
    }).queue;
    this.functions.foldStream.fn.addEventSource(
      new DynamoEventSource(stateful.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.foldStreamFailures),
      }),
    );

    this.api = new GraphqlApi(this, 'Api', {
      stage,
      api: config.api,
      handler: this.functions.graphql.fn,
      userPool: stateful.userPool,
      userPoolClient: stateful.userPoolClient,
      key: stateful.dataKey,
      logRetentionDays: config.logRetentionDays,
    });

    this.schedules = new Schedules(this, 'Schedules', {
      stage,
      dispatcher: this.functions.dispatcher.fn,
      reconcile: this.functions.reconcile.fn,
      key: stateful.dataKey,
    });

    this.alarms = new OperationalAlarms(this, 'Alarms', {
      stage,
      alarms: config.alarms,
      sms: config.sms,
      key: stateful.dataKey,
      tableName: stateful.table.tableName,
      functions: Object.fromEntries(entriesOf(this.functions).map(([, fn]) => [fn.name, fn.fn])),
      dispatcher: this.functions.dispatcher.fn,
      deadLetterQueues: {
        dispatcher: this.functions.dispatcher.deadLetterQueue!,
        'inbound-sms': this.functions.inboundSms.deadLetterQueue!,
        'inbound-sms-delivery': this.inboundSmsDeadLetters,
        reconcile: this.functions.reconcile.deadLetterQueue!,
        'fold-stream': this.foldStreamFailures,
        schedules: this.schedules.deadLetterQueue,
      },
    });

    this.acknowledgeDesignChoices();

    new CfnOutput(this, 'GraphqlUrl', {
      value: this.api.graphqlUrl,
      description: 'POST GraphQL here with a Cognito ID token',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }

  /** Findings that hold for the whole stack, each with the reason it is a choice and not an oversight. */
  private acknowledgeDesignChoices(): void {
    for (const rule of ['AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled']) {
      acknowledge(
        this.cursorKey,
        rule,
        'The cursor key only seals paging cursors (tamper evidence and opacity; every page is still scope-checked). ' +
          'Rotating it would only refuse the cursors clients hold; a rotation Lambda would cost more than it protects. ' +
          'To rotate by hand, put a new random value: clients then start again from the first page.',
      );
    }
    acknowledge(
      this,
      'HIPAA.Security-LambdaInsideVPC',
      'The functions call only AWS APIs (DynamoDB, SNS, CloudWatch, X-Ray) over TLS with IAM; there is no private ' +
        'resource to reach. A VPC would add NAT gateways or interface endpoints (a fixed monthly cost per AZ) and ' +
        'cold-start latency without protecting any data path.',
    );
    acknowledge(
      this,
      'HIPAA.Security-IAMNoInlinePolicy',
      "CDK grants write each role's least-privilege statements into a policy attached to that one role; no user or " +
        'group exists, and a customer-managed copy per role would add no reuse or review benefit.',
    );
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Runtime pinned to nodejs22.x on purpose (README, esbuild target, local Node versions); moving to a newer ' +
        'runtime is a reviewed change, not something the latest CDK release decides.',
    );
    acknowledge(
      this.functions.graphql.fn,
      'HIPAA.Security-LambdaDLQ',
      'Invoked synchronously by API Gateway: a failure is returned to the caller, there is nothing to park.',
    );
    acknowledge(
      this.functions.foldStream.fn,
      'HIPAA.Security-LambdaDLQ',
      'Invoked by a DynamoDB stream event source mapping, whose on-failure destination (an SQS queue) records ' +
        'batches that exhausted their retries; a function dead-letter queue never sees stream records.',
    );
    acknowledge(
      this.functions.foldStream.role,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (added by the stream event source) has no resource-level permission.',
    );
  }
}

function entriesOf<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
