import {
  PinpointSMSVoiceV2Client,
  type PinpointSMSVoiceV2ClientConfig,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { OutgoingSms, SmsSender } from '../ports';
import { classifyProviderError } from './provider-errors';

export interface EndUserMessagingSmsSenderConfig {
  /** Our UK long code (E.164), or its phone number id/ARN: texts come from it and replies return to it. */
  originationNumber?: string;
  /** Alphanumeric sender id: one-way only (patients cannot reply). Used only without an origination number. */
  senderId?: string;
  /**
   * The configuration set whose event destination (an SNS topic) tells Linkwork each text's fate (TEXT_DELIVERED,
   * TEXT_FAILED, …); the event's `messageId` is the MessageId SendTextMessage returns.
   */
  configurationSetName: string;
  clientConfig?: PinpointSMSVoiceV2ClientConfig;
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException']);

/**
 * The SmsSender port over AWS End User Messaging SMS (`SendTextMessage`, the pinpoint-sms-voice-v2 API), as a
 * TRANSACTIONAL text with a configuration set, so every text gets delivery events. The production path for sending
 * (docs/operations.md); the SNS adapter stays for `npm start`'s local stage and as a fallback. The SDK's own retries
 * are off (maxAttempts 1): a retried send after a timeout could send a second text, so retrying is the dispatcher's
 * decision, made only when the provider certainly refused (throttling, 5xx).
 */
export class EndUserMessagingSmsSender implements SmsSender {
  private readonly client: PinpointSMSVoiceV2Client;

  constructor(private readonly config: EndUserMessagingSmsSenderConfig) {
    if (!config.originationNumber && !config.senderId) {
      throw new RangeError('EndUserMessagingSmsSender needs an origination number or a sender id');
    }
    this.client = new PinpointSMSVoiceV2Client({ maxAttempts: 1, ...config.clientConfig });
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    let messageId: string | undefined;
    try {
      const output = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          MessageBody: message.body,
          MessageType: 'TRANSACTIONAL',
          OriginationIdentity: this.config.originationNumber ?? this.config.senderId,
          ConfigurationSetName: this.config.configurationSetName,
        }),
      );
      messageId = output.MessageId;
    } catch (error) {
      throw classifyProviderError(error, THROTTLING);
    }
    // Accepted but unnamed: we cannot tell it apart from a lost response, so it is not a retryable refusal.
    if (!messageId) throw new Error('End User Messaging accepted the text without a MessageId');
    return { providerMessageId: messageId };
  }

  destroy(): void {
    this.client.destroy();
  }
}
