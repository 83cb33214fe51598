import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const DELIVERY_STATES = [
  /** Handed to the provider; no final event yet. */
  'SENT',
  /** The carrier confirmed delivery to the phone (TEXT_DELIVERED). */
  'DELIVERED',
  /** A final failure event (TEXT_UNREACHABLE, TEXT_BLOCKED, TEXT_INVALID, TEXT_TTL_EXPIRED, …). */
  'FAILED',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Kept a year: delivery events arrive within hours; afterwards the thread keeps the text. */
export const OUTBOUND_TEXT_TTL_SECONDS = 366 * 24 * 3600;

/**
 * One text handed to the SMS provider, keyed by the provider's message id, so a delivery event (whose `messageId` is
 * the id SendTextMessage returned) finds its check-in. Written in the same transaction as the text's place in its
 * thread; its delivery state moves once, SENT → DELIVERED or FAILED, by a conditional write, so a redelivered or
 * late event changes nothing. Ids and states only: no number, no words.
 */
export function outboundTextEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'outboundText', version: '1', service: SERVICE },
      attributes: {
        providerMessageId: { type: 'string', required: true, readOnly: true },
        checkInId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string' },
        referralId: { type: 'string' },
        /** The first text of its check-in (the intro, or the first question): if it fails, nobody was asked. */
        first: { type: 'boolean', required: true, default: false },
        sentAt: { type: 'string', required: true },
        delivery: { type: DELIVERY_STATES, required: true, default: 'SENT' },
        /** The provider's event type that settled it (TEXT_DELIVERED, TEXT_UNREACHABLE, …). */
        deliveryEvent: { type: 'string' },
        deliveryAt: { type: 'string' },
        expiresAt: { type: 'number' },
      },
      indexes: {
        byProviderMessageId: {
          pk: { field: 'pk', composite: ['providerMessageId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type OutboundTextEntity = ReturnType<typeof outboundTextEntity>;
export type OutboundText = EntityItem<OutboundTextEntity>;
