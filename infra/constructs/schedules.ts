import { type CfnElement, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance';
import type { Stage } from '../config';
import { resourceName } from '../naming';
import { DeadLetterQueue } from './dead-letter-queue';

export interface SchedulesProps {
  readonly stage: Stage;
  readonly dispatcher: IFunction;
  readonly reconcile: IFunction;
  readonly key: IKey;
}

/** The nightly reconciliation runs at this local time, after the day's replies and before the working day. */
export const RECONCILE_AT = { hour: '2', minute: '30', timeZone: TimeZone.EUROPE_LONDON } as const;

/**
 * EventBridge Scheduler runs the dispatcher every minute (a sweep of the due index; a missed minute is caught by the
 * next) and reconciliation nightly. Scheduler retries a failed invocation, then parks it in a dead-letter queue.
 */
export class Schedules extends Construct {
  readonly deadLetterQueue: Queue;
  readonly role: Role;
  readonly dispatcherSchedule: Schedule;
  readonly reconcileSchedule: Schedule;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
      key: props.key,
      purpose: 'schedule invocations EventBridge Scheduler could not deliver',
    }).queue;

    // Our own role, so the dead-letter queue's key can be granted to it (the target only grants sqs:SendMessage).
    this.role = new Role(this, 'Role', {
      description: `EventBridge Scheduler invokes the ${props.stage} dispatcher and reconciliation`,
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    this.deadLetterQueue.grantSendMessages(this.role);
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'CDK grant for sending to the encrypted dead-letter queue: GenerateDataKey* on the one data key ARN only.',
    );
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      'CDK grant for sending to the encrypted dead-letter queue: ReEncrypt* on the one data key ARN only.',
    );

    this.dispatcherSchedule = new Schedule(this, 'Dispatcher', {
      scheduleName: resourceName(props.stage, 'dispatcher'),
      description: 'Sends check-ins that are due, every minute',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: new LambdaInvoke(props.dispatcher, {
        role: this.role,
        deadLetterQueue: this.deadLetterQueue,
        // A tick older than two minutes is worthless: a newer one has already swept the same check-ins.
        maxEventAge: Duration.minutes(2),
        retryAttempts: 2,
        input: ScheduleTargetInput.fromObject({ source: 'schedule', job: 'dispatch' }),
      }),
    });

    this.reconcileSchedule = new Schedule(this, 'Reconcile', {
      scheduleName: resourceName(props.stage, 'reconcile'),
      description: 'Rebuilds outcome figures from the outcome records, nightly',
      schedule: ScheduleExpression.cron(RECONCILE_AT),
      target: new LambdaInvoke(props.reconcile, {
        role: this.role,
        deadLetterQueue: this.deadLetterQueue,
        maxEventAge: Duration.hours(6),
        retryAttempts: 10,
        input: ScheduleTargetInput.fromObject({ source: 'schedule', job: 'reconcile' }),
      }),
    });

    for (const fn of [props.dispatcher, props.reconcile]) {
      const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
      acknowledge(
        this.role,
        `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        'CDK grantInvoke covers the function and its versions (`:*`); the role can invoke only these two functions.',
      );
    }
  }
}
