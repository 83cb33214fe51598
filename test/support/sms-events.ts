import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

export interface InboundSmsFields {
  originationNumber: string;
  destinationNumber?: string;
  messageBody: string;
  inboundMessageId?: string;
  messageKeyword?: string;
  previousPublishedMessageId?: string;
}

/** The JSON AWS End User Messaging SMS publishes to the inbound topic for one reply. */
export function inboundSmsMessage(fields: InboundSmsFields): string {
  return JSON.stringify({
    originationNumber: fields.originationNumber,
    destinationNumber: fields.destinationNumber ?? '+447700900999',
    messageKeyword: fields.messageKeyword ?? 'KEYWORD_000000000000',
    messageBody: fields.messageBody,
    inboundMessageId: fields.inboundMessageId ?? randomUUID(),
    previousPublishedMessageId: fields.previousPublishedMessageId ?? randomUUID(),
  });
}

/** An SNS → Lambda event carrying one raw `Message` (use `inboundSmsEvent` for a well-formed reply). */
export function snsEvent(message: string): SNSEvent {
  const topicArn = 'arn:aws:sns:eu-west-2:123456789012:linkwork-inbound-sms';
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: '',
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-west-2.amazonaws.com/cert.pem',
          UnsubscribeUrl: 'https://sns.eu-west-2.amazonaws.com/unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

export function inboundSmsEvent(fields: InboundSmsFields): SNSEvent {
  return snsEvent(inboundSmsMessage(fields));
}
