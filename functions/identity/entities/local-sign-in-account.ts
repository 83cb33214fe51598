import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { ROLES } from './staff-user';

/**
 * The local stand-in for a Cognito user under `npm start`, written only by LocalSignInAccounts. Keyed by e-mail so
 * that, as in Cognito, one e-mail has at most one account (a conditional create enforces it). Never written in AWS.
 */
export function localSignInAccountEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'localSignInAccount', version: '1', service: SERVICE },
      attributes: {
        email: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        enabled: { type: 'boolean', required: true },
        /** Cognito keeps group memberships; locally an account is only ever in one role's group. */
        role: { type: ROLES, required: true },
        organisationId: { type: 'string' },
      },
      indexes: {
        byEmail: {
          pk: { field: 'pk', composite: ['email'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "Which account has this subject?": the local API's token subject is the staff record's userId. */
        bySubject: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type LocalSignInAccountEntity = ReturnType<typeof localSignInAccountEntity>;
export type LocalSignInAccount = EntityItem<LocalSignInAccountEntity>;
