import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const ROLES = ['LINK_WORKER', 'COORDINATOR', 'COMMISSIONER', 'PROVIDER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A member of staff. `userId` is the identity provider's subject (Cognito `sub`), so a verified token maps to exactly
 * one record. The organisation and its ancestors are copied in for one-comparison scope checks.
 */
export function staffUserEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'staffUser', version: '1', service: SERVICE },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        role: { type: ROLES, required: true },
        name: { type: 'string', required: true },
        email: { type: 'string', required: true },
        /** How patients reach this person (shown in HELP replies); a work number or a team route, never personal. */
        contactRoute: { type: 'string' },
        /** Unset only for national administrators. */
        organisationId: { type: 'string' },
        icbId: { type: 'string' },
        pcnId: { type: 'string' },
        practiceId: { type: 'string' },
        active: { type: 'boolean', required: true, default: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        /**
         * Counts the changes since creation (unset until the first). Each change is written only if the version is
         * still the one read, so two administrators' edits conflict instead of one silently undoing the other.
         */
        version: { type: 'number' },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['userId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "Who is scoped to this organisation?" */
        byOrganisation: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['organisationId'] },
          sk: { field: 'gsi1sk', composite: ['role', 'name', 'userId'] },
        },
        /**
         * "Who are the link workers of this PCN?", for the forms that assign referrals: staff scoped to the PCN and to
         * its practices alike, by role and then name. Staff without a PCN (ICB or national) share one unused partition.
         */
        byPcn: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['pcnId'] },
          sk: { field: 'gsi2sk', composite: ['role', 'name', 'userId'] },
        },
      },
    },
    config,
  );
}

export type StaffUserEntity = ReturnType<typeof staffUserEntity>;
export type StaffUser = EntityItem<StaffUserEntity>;
