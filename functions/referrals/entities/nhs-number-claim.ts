import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/**
 * One patient per NHS number: the claim is created in the same transaction as the patient, conditional on not
 * existing, and deleted on erasure.
 */
export function nhsNumberClaimEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'nhsNumberClaim', version: '1', service: SERVICE },
      attributes: {
        nhsNumber: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        claimedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byNhsNumber: {
          pk: { field: 'pk', composite: ['nhsNumber'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type NhsNumberClaimEntity = ReturnType<typeof nhsNumberClaimEntity>;
export type NhsNumberClaim = EntityItem<NhsNumberClaimEntity>;
