import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import type { Clock } from '../../shared/clock';
import type { IdGenerator } from '../../shared/ids';
import { maskMobile } from '../../shared/phone';
import { OUTBOX_THREAD, type SmsMessage, smsMessageEntity } from '../entities/sms-message';
import { countSegments } from '../gsm7';
import type { OutgoingSms, SmsSender } from '../ports';

export const OUTBOX_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * The SmsSender for `npm start`: nothing leaves the machine. Each text is stored in the table (partition `outbox`,
 * removed by TTL after a week) and printed, so a developer sees what a patient would get.
 */
export class OutboxSmsSender implements SmsSender {
  private readonly messages;

  constructor(
    store: DataStore,
    private readonly clock: Clock,
    private readonly newId: IdGenerator,
    private readonly print: (line: string) => void = (line) => console.log(line),
  ) {
    this.messages = smsMessageEntity(entityConfig(store));
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const at = this.clock.now();
    const providerMessageId = `outbox-${this.newId()}`;
    const segments = countSegments(message.body).segments;
    await this.messages
      .put({
        checkInId: OUTBOX_THREAD,
        messageId: providerMessageId,
        direction: 'OUT',
        kind: 'OUTBOX',
        body: message.body,
        at: at.toISOString(),
        to: message.to,
        ...(message.patientId ? { patientId: message.patientId } : {}),
        segments,
        providerMessageId,
        expiresAt: Math.floor(at.getTime() / 1000) + OUTBOX_TTL_SECONDS,
      })
      .go();
    this.print(`[sms → ${maskMobile(message.to)} · ${segments} segment(s)] ${message.body}`);
    return { providerMessageId };
  }

  /** Everything in the outbox, oldest first. */
  async list(): Promise<SmsMessage[]> {
    const { data } = await this.messages.query.byCheckIn({ checkInId: OUTBOX_THREAD }).go({ pages: 'all' });
    return data;
  }
}
