import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/**
 * Counters are stored as top-level attributes named `c:<counter>`; a revision's counters as `c:<counter>@<YYYY-MM>`
 * (see aggregation.ts for counter names and periods.ts for revisions).
 */
export const COUNTER_PREFIX = 'c:';

/**
 * Pre-aggregated figures of one scope (`NATIONAL-ALL`, `ICB-<id>`, `PCN-<id>`, `PRACTICE-<id>`), one breakdown, one
 * reporting period and one group (access pattern 20). Monthly items hold every counter; quarter and year items only
 * the counters that are not additive over months (distinct people). The counters are open-ended (one per instrument
 * item, wave and band, each with its cell-key sum), so they are written with raw `ADD` updates beside the declared
 * attributes and read from the raw item; the entity owns the key format. No attribute names a person, referral,
 * phone or message. Version 2: periods replaced months in the key (`period_2026-01`, `period_fy2025-26-q1`).
 */
export function aggregateEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'aggregate', version: '2', service: SERVICE },
      attributes: {
        scope: { type: 'string', required: true, readOnly: true },
        dimension: { type: 'string', required: true, readOnly: true },
        /** `YYYY-MM`, `FYyyyy-yy-Qn` or `FYyyyy-yy`. */
        period: { type: 'string', required: true, readOnly: true },
        group: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byScope: {
          pk: { field: 'pk', composite: ['scope', 'dimension'] },
          sk: { field: 'sk', composite: ['period', 'group'] },
        },
      },
    },
    config,
  );
}

export type AggregateEntity = ReturnType<typeof aggregateEntity>;
export type AggregateItem = EntityItem<AggregateEntity>;
