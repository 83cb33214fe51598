import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const OUTCOME_WAVES = ['BASELINE', 'WEEK_1', 'WEEK_6', 'WEEK_12', 'AD_HOC'] as const;
export type OutcomeWave = (typeof OUTCOME_WAVES)[number];
export const OUTCOME_SOURCES = ['SMS', 'IN_PERSON'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/**
 * One answer to one instrument item: the measurement record (aggregates are folded from these elsewhere).
 * `value` is the number the patient gave; `option` the instrument's canonical wording where it has options.
 */
export function outcomeEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'outcome', version: '1', service: SERVICE },
      attributes: {
        outcomeId: { type: 'string', required: true, readOnly: true },
        referralId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        instrument: { type: 'string', required: true, readOnly: true },
        item: { type: 'string', required: true, readOnly: true },
        value: { type: 'number', required: true, readOnly: true },
        option: { type: 'string', readOnly: true },
        band: { type: 'string', readOnly: true },
        wave: { type: OUTCOME_WAVES, required: true, readOnly: true },
        source: { type: OUTCOME_SOURCES, required: true, readOnly: true },
        measuredAt: { type: 'string', required: true, readOnly: true },
        checkInId: { type: 'string', readOnly: true },
        /** Staff user who recorded an in-person answer. */
        recordedBy: { type: 'string', readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byReferral: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: ['measuredAt', 'outcomeId'] },
        },
        byPatient: {
          index: 'gsi3',
          collection: 'patientRecord',
          pk: { field: 'gsi3pk', composite: ['patientId'] },
          sk: { field: 'gsi3sk', composite: ['measuredAt', 'outcomeId'] },
        },
      },
    },
    config,
  );
}

export type OutcomeEntity = ReturnType<typeof outcomeEntity>;
export type Outcome = EntityItem<OutcomeEntity>;
