import { PublishCommand, SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import type { OutgoingSms, SmsSender } from '../ports';
import { classifyProviderError } from './provider-errors';

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
      throw classifyProviderError(error, THROTTLING);
    }
    // Accepted but unnamed: we cannot tell it apart from a lost response, so it is not a retryable refusal.
    if (!messageId) throw new Error('SNS accepted the message without a MessageId');
    return { providerMessageId: messageId };
  }

  destroy(): void {
    this.client.destroy();
  }
}
