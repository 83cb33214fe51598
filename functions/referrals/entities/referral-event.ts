import { Entity, type EntityItem } from 'electrodb';
import { ROLES } from '../../identity';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { REFERRAL_EVENT_CAUSES, REFERRAL_EVENT_KINDS, REFERRAL_STATUSES } from '../vocabulary';

/** A dated fact in a referral's history: received, assigned, or moved from one status to another. */
export function referralEventEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'referralEvent', version: '1', service: SERVICE },
      attributes: {
        referralId: { type: 'string', required: true, readOnly: true },
        eventId: { type: 'string', required: true, readOnly: true },
        kind: { type: REFERRAL_EVENT_KINDS, required: true, readOnly: true },
        at: { type: 'string', required: true, readOnly: true },
        actorUserId: { type: 'string', required: true, readOnly: true },
        actorRole: { type: ROLES, required: true, readOnly: true },
        fromStatus: { type: REFERRAL_STATUSES, readOnly: true },
        toStatus: { type: REFERRAL_STATUSES, readOnly: true },
        fromLinkWorkerId: { type: 'string', readOnly: true },
        toLinkWorkerId: { type: 'string', readOnly: true },
        /** Free text; removed on erasure. */
        reason: { type: 'string' },
        snomedCode: { type: 'string', readOnly: true },
        /** Set when a fact elsewhere made the change (the first attended session); the actor is who recorded it. */
        cause: { type: REFERRAL_EVENT_CAUSES, readOnly: true },
      },
      indexes: {
        byReferral: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: ['at', 'eventId'] },
        },
      },
    },
    config,
  );
}

export type ReferralEventEntity = ReturnType<typeof referralEventEntity>;
export type ReferralEvent = EntityItem<ReferralEventEntity>;
