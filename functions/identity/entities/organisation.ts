import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { UK_NATIONS } from '../../shared/uk-nation';

export const ORGANISATION_KINDS = ['ICB', 'PCN', 'PRACTICE', 'PROVIDER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * ICB → PCN → practice, plus the voluntary and community organisations that run activities (PROVIDER, under an ICB).
 * Every organisation carries its ancestors' ids so a scope check is one comparison, never a walk up the tree.
 */
export function organisationEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'organisation', version: '1', service: SERVICE },
      attributes: {
        organisationId: { type: 'string', required: true, readOnly: true },
        kind: { type: ORGANISATION_KINDS, required: true, readOnly: true },
        name: { type: 'string', required: true },
        /**
         * ODS code, upper case (`QWE` for an ICB, `U12345` for a PCN, `A81001` for a practice; functions/identity/
         * ods-codes.ts). Unique: see odsCodeClaim. Fixed once registered: the organisation is known by it.
         */
        odsCode: { type: 'string', readOnly: true },
        parentId: { type: 'string', readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', readOnly: true },
        /**
         * The UK nation the organisation is in (bank holidays differ by nation). Set on the ICB, inherited by its PCNs,
         * practices and providers; absent on organisations registered before it existed, which are in England.
         */
        nation: { type: UK_NATIONS, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        /**
         * Counts the changes since creation (unset until the first). A change is written only if the version is still
         * the one read, so two administrators' renames conflict instead of one silently undoing the other.
         */
        version: { type: 'number' },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['organisationId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "Which PCNs are in this ICB?", "Which practices are in this PCN?" */
        byParent: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['parentId'] },
          sk: { field: 'gsi1sk', composite: ['kind', 'name', 'organisationId'] },
        },
      },
    },
    config,
  );
}

export type OrganisationEntity = ReturnType<typeof organisationEntity>;
export type Organisation = EntityItem<OrganisationEntity>;
