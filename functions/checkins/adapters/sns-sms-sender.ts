import { PublishCommand, SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import { SmsSendError } from '../errors';
import type { OutgoingSms, SmsSender } from '../ports';

export interface SnsSmsSenderConfig {
  /** Our UK long code (E.164): replies come back to it. Preferred. */
  originationNumber?: string;
  /** Alphanumeric sender id: one-way only (patients cannot reply). Used only without an origination number. */
  senderId?: string;
  clientConfig?: SNSClientConfig;
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException']);

/**
 * The SmsSender port over SNS `Publish` to a phone number, as a Transactional SMS. The SDK's own retries are off
 * (maxAttempts 1): a retried Publish after a timeout could send a second text, so retrying is the dispatcher's
 * decision, made only when the provider certainly refused (throttling, 5xx).
 */
export class SnsSmsSender implements SmsSender {
  private readonly client: SNSClient;

  constructor(private readonly config: SnsSmsSenderConfig) {
    if (!config.originationNumber && !config.senderId) {
      throw new RangeError('SnsSmsSender needs an origination number or a sender id');
    }
    this.client = new SNSClient({ maxAttempts: 1, ...config.clientConfig });
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const attributes: NonNullable<ConstructorParameters<typeof PublishCommand>[0]['MessageAttributes']> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.config.originationNumber) {
      attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: this.config.originationNumber };
    } else if (this.config.senderId) {
      attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.config.senderId };
    }
    let messageId: string | undefined;
    try {
      const output = await this.client.send(
        new PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }),
      );
      messageId = output.MessageId;
    } catch (error) {
      throw classify(error);
    }
    // Accepted but unnamed: we cannot tell it apart from a lost response, so it is not a retryable refusal.
    if (!messageId) throw new Error('SNS accepted the message without a MessageId');
    return { providerMessageId: messageId };
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** A provider answer that says "not sent" becomes an SmsSendError; anything else (network, timeout) is rethrown. */
function classify(error: unknown): unknown {
  const name = (error as { name?: string })?.name ?? '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (THROTTLING.has(name) || status === 429) return new SmsSendError('THROTTLED', true, { cause: error });
  if (status !== undefined && status >= 500) return new SmsSendError(`PROVIDER_${status}`, true, { cause: error });
  if (status !== undefined && status >= 400)
    return new SmsSendError(name || `PROVIDER_${status}`, false, { cause: error });
  return error;
}
