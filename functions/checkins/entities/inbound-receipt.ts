import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const INBOUND_RECEIPT_TTL_SECONDS = 30 * 24 * 60 * 60;

/** "Have we processed this inbound text already?" SNS delivers at least once; this makes handling idempotent. */
export function inboundReceiptEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'inboundReceipt', version: '1', service: SERVICE },
      attributes: {
        inboundMessageId: { type: 'string', required: true, readOnly: true },
        receivedAt: { type: 'string', required: true, readOnly: true },
        outcome: { type: 'string' },
        /** Which patients' threads the text went to (ids only): a redelivery raises its concerns there again. */
        threads: {
          type: 'list',
          readOnly: true,
          items: {
            type: 'map',
            properties: { patientId: { type: 'string', required: true }, threadId: { type: 'string', required: true } },
          },
        },
        expiresAt: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byInboundMessageId: {
          pk: { field: 'pk', composite: ['inboundMessageId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type InboundReceiptEntity = ReturnType<typeof inboundReceiptEntity>;
export type InboundReceipt = EntityItem<InboundReceiptEntity>;
