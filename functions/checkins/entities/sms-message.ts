import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const SMS_DIRECTIONS = ['IN', 'OUT'] as const;
export const SMS_KINDS = [
  'INTRO',
  'QUESTION',
  'REASK',
  'REMINDER',
  'THANKS',
  'STOP_CONFIRMED',
  'START_CONFIRMED',
  'HELP',
  'SIGNPOSTING',
  'REPLY',
  /** Local outbox copy of any outgoing text (npm start only). */
  'OUTBOX',
] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

/** Partition for the local outbox (npm start); never used in AWS. */
export const OUTBOX_THREAD = 'outbox';

/** Partition for a patient's texts that belong to no check-in (STOP, START, HELP with nothing open). */
export function patientThreadId(patientId: string): string {
  return `patient-${patientId}`;
}

/**
 * A text in a check-in's thread, in or out, kept for the link worker. Bodies live here and only here: never in logs.
 */
export function smsMessageEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'smsMessage', version: '1', service: SERVICE },
      attributes: {
        checkInId: { type: 'string', required: true, readOnly: true },
        messageId: { type: 'string', required: true, readOnly: true },
        direction: { type: SMS_DIRECTIONS, required: true, readOnly: true },
        kind: { type: SMS_KINDS, required: true, readOnly: true },
        /** The words; removed (with `to`) when the patient's data is erased, the rest kept for the record. */
        body: { type: 'string' },
        at: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string' },
        questionIndex: { type: 'number' },
        segments: { type: 'number' },
        providerMessageId: { type: 'string' },
        inboundMessageId: { type: 'string' },
        /** Only on local outbox items: the destination, so `npm start` can show who would get the text. */
        to: { type: 'string' },
        /** Set when the patient's data was erased and `body` removed. */
        erasedAt: { type: 'string' },
        /** Epoch seconds; set on local outbox items only. */
        expiresAt: { type: 'number' },
      },
      indexes: {
        byCheckIn: {
          collection: 'checkInThread',
          pk: { field: 'pk', composite: ['checkInId'] },
          sk: { field: 'sk', composite: ['at', 'messageId'] },
        },
      },
    },
    config,
  );
}

export type SmsMessageEntity = ReturnType<typeof smsMessageEntity>;
export type SmsMessage = EntityItem<SmsMessageEntity>;
