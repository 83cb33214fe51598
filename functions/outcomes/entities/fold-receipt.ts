import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/**
 * What one fact slot currently counts in the figures (access pattern 21): its content (facts.ts `contentOf`; '' for
 * nothing). Written in the same transaction as the aggregate updates, conditional on the content read before, so a
 * fact is counted once however often its stream record arrives, and a change of content (a back-dated attendance
 * moving an engagement to an earlier month) takes the old contribution out exactly. Kept without expiry.
 * Version 2: receipts keep content, so version-1 receipts (fact ids only) are left behind.
 */
export function foldReceiptEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'foldReceipt', version: '2', service: SERVICE },
      attributes: {
        factId: { type: 'string', required: true, readOnly: true },
        content: { type: 'string', required: true },
        foldedAt: { type: 'string', required: true },
      },
      indexes: {
        byFactId: {
          pk: { field: 'pk', composite: ['factId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type FoldReceiptEntity = ReturnType<typeof foldReceiptEntity>;
export type FoldReceipt = EntityItem<FoldReceiptEntity>;
