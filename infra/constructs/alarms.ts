import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmConfig, SmsConfig, Stage } from '../config';
import { alarmPrefix, resourceName } from '../naming';
import { METRICS_NAMESPACE } from './linkwork-function';

/** The dispatcher publishes this metric (seconds the oldest due check-in has waited), with any dimensions it likes. */
export const DISPATCHER_LAG_METRIC = 'OldestDueCheckInAgeSeconds';
/** The dispatcher publishes this metric each run: working hours the oldest unacknowledged concern has waited. */
export const CONCERN_WAIT_METRIC = 'OldestUnacknowledgedConcernWorkingHours';

const fiveMinuteSum = { period: Duration.minutes(5), statistic: 'Sum' } as const;

export interface OperationalAlarmsProps {
  readonly stage: Stage;
  readonly alarms: AlarmConfig;
  readonly sms: SmsConfig;
  readonly key: IKey;
  /** The table's physical name, for the throttling queries. */
  readonly tableName: string;
  /** Functions to watch for errors and throttles, by short name. */
  readonly functions: Record<string, IFunction>;
  /** The dispatcher, also watched for not running at all. */
  readonly dispatcher: IFunction;
  /** Dead-letter queues to watch, by short name; any message in one is an alarm. */
  readonly deadLetterQueues: Record<string, IQueue>;
}

/**
 * Every alarm of a stage, all sending ALARM and OK to one encrypted topic (e-mailed when an address is configured).
 * Thresholds are "something is wrong now", not capacity planning: one error, one throttle, one dead letter.
 */
export class OperationalAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: OperationalAlarmsProps,
  ) {
    super(scope, id);
    const stack = Stack.of(this);
    const { stage } = props;

    this.topic = new Topic(this, 'Topic', {
      topicName: resourceName(stage, 'alarms'),
      displayName: `Linkwork ${stage} alarms`,
      masterKey: props.key,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, so CloudWatch needs saying; only this stage's alarms may publish.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ThisStagesAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${alarmPrefix(stage)}*`,
          },
        },
      }),
    );
    if (props.alarms.email) this.topic.addSubscription(new EmailSubscription(props.alarms.email));

    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}-errors`, `${name} threw an error`, fn.metricErrors(fiveMinuteSum), 1);
      this.add(
        `${name}-throttles`,
        `${name} was throttled (reserved concurrency reached)`,
        fn.metricThrottles(fiveMinuteSum),
        1,
      );
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.add(
        `${name}-dead-letters`,
        `A message is waiting in the ${name} dead-letter queue: inspect it, fix the cause, redrive it`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
      );
    }

    this.addDispatcherAlarms();
    this.addConcernAlarm();
    this.addTableThrottlingAlarms();
    this.addSmsAlarms();
  }

  private addDispatcherAlarms(): void {
    const { alarms, dispatcher } = this.props;
    // Metrics Insights takes the maximum over every dimension set, so the alarm does not depend on which dimensions
    // (service, stage) the dispatcher's metrics library adds.
    this.add(
      'dispatcher-lag',
      `The oldest due check-in has waited more than ${alarms.dispatcherLagSeconds} s: texts are going out late`,
      new MathExpression({
        expression: `SELECT MAX(${DISPATCHER_LAG_METRIC}) FROM "${METRICS_NAMESPACE}"`,
        period: Duration.minutes(1),
        label: 'Oldest due check-in age (s)',
      }),
      alarms.dispatcherLagSeconds,
      { evaluationPeriods: 5, datapointsToAlarm: 3, comparison: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
    this.add(
      'dispatcher-not-running',
      'The dispatcher has not been invoked for 15 minutes: check the schedule and its dead-letter queue',
      dispatcher.metricInvocations(fiveMinuteSum),
      1,
      {
        evaluationPeriods: 3,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        missing: TreatMissingData.BREACHING,
      },
    );
  }

  /**
   * Nobody may leave a concern unacknowledged (docs/clinical-safety.md, H1). Working hours, not wall-clock time: a
   * concern raised on Friday evening is not overdue on Sunday. Two of three minutes over the line, so one late run
   * neither raises nor clears it; no data (the dispatcher not running) is caught by `dispatcher-not-running`.
   */
  private addConcernAlarm(): void {
    const { alarms } = this.props;
    this.add(
      'concern-unacknowledged',
      `A concern has waited more than ${alarms.concernUnacknowledgedWorkingHours} working hours for anyone to ` +
        'acknowledge it: open openConcerns and acknowledge or resolve it',
      new MathExpression({
        expression: `SELECT MAX(${CONCERN_WAIT_METRIC}) FROM "${METRICS_NAMESPACE}"`,
        period: Duration.minutes(1),
        label: 'Oldest unacknowledged concern (working hours)',
      }),
      alarms.concernUnacknowledgedWorkingHours,
      { evaluationPeriods: 3, datapointsToAlarm: 2, comparison: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
  }

  private addTableThrottlingAlarms(): void {
    // Queries over the table and all its indexes at once (index throttles carry an extra dimension).
    for (const kind of ['Read', 'Write'] as const) {
      this.add(
        `table-${kind.toLowerCase()}-throttles`,
        `DynamoDB throttled ${kind.toLowerCase()}s on ${this.props.tableName} or one of its indexes`,
        new MathExpression({
          expression: `SELECT SUM(${kind}ThrottleEvents) FROM "AWS/DynamoDB" WHERE TableName = '${this.props.tableName}'`,
          period: Duration.minutes(5),
          label: `${kind} throttle events`,
        }),
        1,
      );
    }
  }

  private addSmsAlarms(): void {
    const { alarms, sms } = this.props;
    const hourly = { period: Duration.hours(1) };
    this.add(
      'sms-failures',
      `More than ${alarms.smsFailuresPerHour} text messages failed to deliver in an hour`,
      new Metric({
        namespace: 'AWS/SNS',
        metricName: 'NumberOfNotificationsFailed',
        // SNS reports SMS published straight to phone numbers under this dimension value.
        dimensionsMap: { PhoneNumber: 'PhoneNumberDirect' },
        statistic: 'Sum',
        ...hourly,
      }),
      alarms.smsFailuresPerHour,
      { comparison: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
    this.add(
      'sms-success-rate',
      `Fewer than ${alarms.smsSuccessRateMin * 100}% of text messages were delivered in an hour`,
      new Metric({ namespace: 'AWS/SNS', metricName: 'SMSSuccessRate', statistic: 'Average', ...hourly }),
      alarms.smsSuccessRateMin,
      { comparison: ComparisonOperator.LESS_THAN_THRESHOLD },
    );
    if (sms.monthlySpendLimitUsd !== undefined) {
      this.add(
        'sms-spend',
        `SMS spend this month has reached 80% of the USD ${sms.monthlySpendLimitUsd} limit; at 100% sending stops`,
        new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum', ...hourly }),
        Math.round(sms.monthlySpendLimitUsd * 0.8 * 100) / 100,
      );
    }
  }

  private add(
    name: string,
    description: string,
    metric: IMetric,
    threshold: number,
    options: {
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
      comparison?: ComparisonOperator;
      missing?: TreatMissingData;
    } = {},
  ): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${alarmPrefix(this.props.stage)}${name}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      ...(options.datapointsToAlarm ? { datapointsToAlarm: options.datapointsToAlarm } : {}),
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
