import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/** Counters are stored as top-level attributes named `c:<counter>` (see facts.ts for counter names). */
export const COUNTER_PREFIX = 'c:';

/**
 * Pre-aggregated figures of one scope (`NATIONAL-ALL`, `ICB-<id>`, `PCN-<id>`, `PRACTICE-<id>`), one breakdown, one
 * calendar month and one group (access pattern 20). The counters are open-ended (one per instrument item, wave and
 * band), so they are written with raw `ADD` updates beside the declared attributes and read from the raw item; the
 * entity owns the key format. No attribute names a person, referral, phone or message.
 */
export function aggregateEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'aggregate', version: '1', service: SERVICE },
      attributes: {
        scope: { type: 'string', required: true, readOnly: true },
        dimension: { type: 'string', required: true, readOnly: true },
        /** YYYY-MM */
        month: { type: 'string', required: true, readOnly: true },
        group: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byScope: {
          pk: { field: 'pk', composite: ['scope', 'dimension'] },
          sk: { field: 'sk', composite: ['month', 'group'] },
        },
      },
    },
    config,
  );
}

export type AggregateEntity = ReturnType<typeof aggregateEntity>;
export type AggregateItem = EntityItem<AggregateEntity>;
