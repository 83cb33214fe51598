import type { SNSEventRecord } from 'aws-lambda';
import { MalformedInboundSmsError } from '../errors';
import type { InboundSms } from '../use-cases/handle-inbound-sms';

const MAX_BODY = 1600;

function field(message: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = message[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new MalformedInboundSmsError(`${name} is missing`);
    return undefined;
  }
  if (typeof value !== 'string') throw new MalformedInboundSmsError(`${name} is not a string`);
  return value;
}

/**
 * One SNS record from AWS End User Messaging SMS → an InboundSms. Throws MalformedInboundSmsError (never echoing the
 * content) when it can never be processed, so the subscription's DLQ keeps it for a person to look at.
 */
export function parseInboundSmsRecord(record: SNSEventRecord): InboundSms {
  const raw = record?.Sns?.Message;
  if (typeof raw !== 'string') throw new MalformedInboundSmsError('Sns.Message is missing');
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    throw new MalformedInboundSmsError('Sns.Message is not JSON');
  }
  if (!message || typeof message !== 'object' || Array.isArray(message)) {
    throw new MalformedInboundSmsError('Sns.Message is not a JSON object');
  }
  const fields = message as Record<string, unknown>;
  const body = field(fields, 'messageBody', false) ?? '';
  if (typeof fields.messageBody !== 'string') throw new MalformedInboundSmsError('messageBody is missing');
  if (body.length > MAX_BODY) throw new MalformedInboundSmsError('messageBody is too long');
  return {
    from: field(fields, 'originationNumber', true)!,
    to: field(fields, 'destinationNumber', false),
    body,
    inboundMessageId: field(fields, 'inboundMessageId', true)!,
    previousPublishedMessageId: field(fields, 'previousPublishedMessageId', false),
  };
}
