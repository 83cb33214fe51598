import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/**
 * "This fact has been folded" (access pattern 21). Put with `attribute_not_exists(pk)` in the same transaction as the
 * aggregate updates, so a fact is counted once however often its stream record arrives. Kept without expiry: some
 * facts are first occurrences (a referral's first attended session) that a later record must not count again.
 */
export function foldReceiptEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'foldReceipt', version: '1', service: SERVICE },
      attributes: {
        factId: { type: 'string', required: true, readOnly: true },
        month: { type: 'string', required: true, readOnly: true },
        foldedAt: { type: 'string', required: true, readOnly: true },
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
