import { existsSync } from 'node:fs';
import { type Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance';
import type { LogLevel, Stage } from '../config';
import { aliasArgs, BUNDLE_EXTERNALS, BUNDLE_TARGET, bundleDefines } from '../lambda-bundling';
import { logGroupPrefix, resourceName } from '../naming';
import { fromRoot, PROJECT_ROOT } from '../paths';
import { DeadLetterQueue } from './dead-letter-queue';

/** Custom metrics (dispatcher lag) go to this namespace. */
export const METRICS_NAMESPACE = 'Linkwork';

/** Pinned, not NODEJS_LATEST: a runtime upgrade is a reviewed change. Keep in step with README and esbuild's target. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

export interface AsyncInvocationOptions {
  /** Retries Lambda makes after the handler throws (0–2). */
  readonly retryAttempts: number;
  /** How old an event may get while waiting for a retry before it goes to the dead-letter queue. */
  readonly maxEventAge: Duration;
}

export interface LinkworkFunctionProps {
  /** Short name (`graphql`, `dispatcher`, …): function `linkwork-<stage>-<name>`, log group, Powertools service. */
  readonly name: string;
  readonly stage: Stage;
  /** Handler file, relative to the repository root; it must `export const handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Caps (and guarantees) concurrent executions. */
  readonly reservedConcurrency: number;
  readonly logLevel: LogLevel;
  readonly logRetentionDays: number;
  /** The stage's data key: encrypts the log group and the dead-letter queue. */
  readonly key: IKey;
  readonly environment?: Record<string, string>;
  /** For functions invoked asynchronously (schedules, SNS): retry policy plus a dead-letter queue for what still fails. */
  readonly asyncInvocation?: AsyncInvocationOptions;
}

/**
 * The one way this project makes a Lambda function: Node.js 22 on arm64, bundled locally by esbuild (minified, with
 * source maps, the AWS SDK left to the runtime), JSON logs at a configured level into its own encrypted log group,
 * X-Ray tracing, a role that starts with nothing but permission to write its own logs.
 */
export class LinkworkFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly deadLetterQueue?: Queue;
  readonly functionName: string;
  /** The short name (`graphql`, `inbound-sms`, …). */
  readonly name: string;

  constructor(scope: Construct, id: string, props: LinkworkFunctionProps) {
    super(scope, id);
    const entry = fromRoot(props.entry);
    if (!existsSync(entry)) {
      throw new Error(`Lambda entry ${props.entry} (function "${props.name}") does not exist under ${PROJECT_ROOT}`);
    }
    this.name = props.name;
    this.functionName = resourceName(props.stage, props.name);

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `${logGroupPrefix(props.stage)}lambda/${props.name}`,
      retention: props.logRetentionDays as RetentionDays,
      encryptionKey: props.key,
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole, whose logs:* on every log group is more than one function needs.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.functionName}`,
    });
    this.logGroup.grantWrite(this.role);

    if (props.asyncInvocation) {
      this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
        key: props.key,
        purpose: `asynchronous invocations of ${this.functionName} that failed every retry`,
        nagRecognisesUse: true,
      }).queue;
    }

    this.fn = new NodejsFunction(this, 'Function', {
      functionName: this.functionName,
      description: props.description,
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: fromRoot('package-lock.json'),
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel[props.logLevel],
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      ...(props.asyncInvocation
        ? {
            retryAttempts: props.asyncInvocation.retryAttempts,
            maxEventAge: props.asyncInvocation.maxEventAge,
            deadLetterQueue: this.deadLetterQueue,
          }
        : {}),
      environment: {
        STAGE: props.stage,
        LOG_LEVEL: props.logLevel,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      // infra/lambda-bundling.ts holds these settings for everything that bundles a function (lambdaBuildOptions).
      bundling: {
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        target: BUNDLE_TARGET,
        format: OutputFormat.CJS,
        externalModules: [...BUNDLE_EXTERNALS],
        define: bundleDefines(props.stage),
        forceDockerBundling: false,
        esbuildArgs: aliasArgs(),
      },
    });

    if (this.deadLetterQueue) {
      // Lambda sends to the queue with this role; the queue is KMS-encrypted, so the role needs the key too.
      this.deadLetterQueue.grantSendMessages(this.role);
    }

    this.acknowledgeAnyResource(
      'X-Ray accepts trace segments only on Resource "*" (xray:PutTraceSegments/PutTelemetryRecords).',
    );
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'CDK grants on the data key (log group, queues, table) use the GenerateDataKey* family, on that one key ARN only.',
    );
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      'CDK grants on the data key use the ReEncrypt* family (ReEncryptFrom/To), on that one key ARN only.',
    );
  }

  /**
   * Allows actions that IAM cannot scope to a resource ARN (the service demands Resource "*"), and records why next to
   * the cdk-nag acknowledgement. Use only for such actions; everything else gets a resource.
   */
  allowOnAnyResource(actions: string[], reason: string, conditions?: Record<string, Record<string, unknown>>): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions, resources: ['*'], ...(conditions ? { conditions } : {}) }),
    );
    this.acknowledgeAnyResource(reason);
  }

  /**
   * Lets the function send SMS to phone numbers (SNS Publish with `PhoneNumber`), which IAM can only express as
   * Resource "*"; an explicit Deny on every topic and platform endpoint ARN keeps it to phone numbers.
   */
  allowSmsToPhoneNumbersOnly(): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.DENY, actions: ['sns:Publish'], resources: ['arn:*:sns:*:*:*'] }),
    );
    this.allowOnAnyResource(
      ['sns:Publish'],
      'sns:Publish to a phone number has no resource ARN; a Deny on arn:*:sns:*:*:* stops publishing to any topic.',
    );
  }

  /**
   * Lets the function send texts through End User Messaging with one configuration set: SendTextMessage is allowed
   * on that configuration set and on this account's phone numbers, sender ids and the default opt-out list, in this
   * region only, and only when the request names that configuration set.
   */
  allowSendTextMessage(configurationSetArn: string): void {
    const { region, account, partition } = Stack.of(this);
    // The origination identity is named by number or sender id at send time, not by the ARN CDK could know, so each
    // of these is every one of its type in this account and region: the configuration set is the exact one.
    const types = ['phone-number', 'sender-id', 'opt-out-list'];
    const inAccount = (type: string, shown = false) =>
      `arn:${shown ? pseudo(partition, 'Partition') : partition}:sms-voice:${shown ? pseudo(region, 'Region') : region}:${
        shown ? pseudo(account, 'AccountId') : account
      }:${type}/*`;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['sms-voice:SendTextMessage'],
        resources: [configurationSetArn, ...types.map((type) => inAccount(type))],
      }),
    );
    for (const type of types) {
      acknowledge(
        this.role,
        `AwsSolutions-IAM5[Resource::${inAccount(type, true)}]`,
        `SendTextMessage is authorised on the origination identity and opt-out list too; Linkwork names its number by
        E.164 (not the phone-number id), so this account's ${type}s in this region are allowed, and the request must
        also name the one configuration set granted.`.replace(/\s+/g, ' '),
      );
    }
  }

  /** Lets the function put metrics in the Linkwork namespace only (PutMetricData has no resource ARN). */
  allowPutMetricsInOwnNamespace(): void {
    this.allowOnAnyResource(
      ['cloudwatch:PutMetricData'],
      `cloudwatch:PutMetricData has no resource ARN; the cloudwatch:namespace condition keeps it to ${METRICS_NAMESPACE}.`,
      { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
    );
  }

  private acknowledgeAnyResource(reason: string): void {
    acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]', reason);
  }
}

/** How cdk-nag shows a pseudo parameter in a finding's id: its value when known, `<AWS::Name>` while a token. */
function pseudo(value: string, name: string): string {
  return Token.isUnresolved(value) ? `<AWS::${name}>` : value;
}
