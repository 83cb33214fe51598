import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance';

export interface DeadLetterQueueProps {
  /** Messages that fail can carry patient data (an SMS reply, a stream record), so they are encrypted with the data key. */
  readonly key: IKey;
  /** What lands here, for the queue's readers. */
  readonly purpose: string;
  /**
   * cdk-nag's SQS3 ("has a DLQ or is one") recognises a queue named in another queue's redrive policy or a function's
   * DeadLetterConfig, but not one used by SNS, Scheduler or an event source mapping; those need acknowledging.
   * @default false
   */
  readonly nagRecognisesUse?: boolean;
}

/** A KMS-encrypted, TLS-only queue that keeps failed events 14 days for inspection and redrive. */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      // One data key per five minutes keeps KMS calls (and cost) low while a burst of failures arrives.
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    if (props.nagRecognisesUse) return;
    acknowledge(
      this.queue,
      'AwsSolutions-SQS3',
      `This queue is itself a dead-letter queue (${props.purpose}); a queue behind it would only delay the alarm.`,
    );
  }
}
