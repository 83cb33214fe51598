import { Entity, type EntityItem } from 'electrodb';
import { ROLES } from '../../identity';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'ERASE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who touched which patient's record, when, and how. Ids only: never a name, NHS number, phone number or note, so
 * the trail itself holds no personal data beyond the link between staff and patient ids, and survives erasure.
 */
export function auditEventEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'auditEvent', version: '1', service: SERVICE },
      attributes: {
        auditPatientId: { type: 'string', required: true, readOnly: true },
        auditId: { type: 'string', required: true, readOnly: true },
        at: { type: 'string', required: true, readOnly: true },
        actorUserId: { type: 'string', required: true, readOnly: true },
        actorRole: { type: ROLES, required: true, readOnly: true },
        action: { type: AUDIT_ACTIONS, required: true, readOnly: true },
        /** e.g. `patient`, `referral`. */
        entityType: { type: 'string', required: true, readOnly: true },
        entityId: { type: 'string', required: true, readOnly: true },
        /** The use case (or GraphQL operation) that did it, e.g. `getCaseload`. */
        operation: { type: 'string', required: true, readOnly: true },
        /**
         * Every record of the patient's the request touched or showed, as `<entityType>:<id>` (one event per patient
         * per request, so the trail lists what one request reached in one place).
         */
        entities: { type: 'list', items: { type: 'string' }, readOnly: true },
      },
      indexes: {
        byPatient: {
          pk: { field: 'pk', composite: ['auditPatientId'] },
          sk: { field: 'sk', composite: ['at', 'auditId'] },
        },
      },
    },
    config,
  );
}

export type AuditEventEntity = ReturnType<typeof auditEventEntity>;
export type AuditEventItem = EntityItem<AuditEventEntity>;
