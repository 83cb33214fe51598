import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { ORGANISATION_KINDS } from './organisation';

/**
 * One organisation per ODS code: the claim is created in the same transaction as the organisation, conditional on not
 * existing, so two administrators (or an import and an administrator) can never register the same code twice. It is
 * also how an organisation is found by its ODS code.
 */
export function odsCodeClaimEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'odsCodeClaim', version: '1', service: SERVICE },
      attributes: {
        /** Upper case, as functions/identity/ods-codes.ts stores it. */
        odsCode: { type: 'string', required: true, readOnly: true },
        organisationId: { type: 'string', required: true, readOnly: true },
        kind: { type: ORGANISATION_KINDS, required: true, readOnly: true },
        claimedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byOdsCode: {
          pk: { field: 'pk', composite: ['odsCode'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type OdsCodeClaimEntity = ReturnType<typeof odsCodeClaimEntity>;
export type OdsCodeClaim = EntityItem<OdsCodeClaimEntity>;
