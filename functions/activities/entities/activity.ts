import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/** Open Referral UK style categories for the social prescribing directory. */
export const ACTIVITY_CATEGORIES = [
  'PHYSICAL_ACTIVITY',
  'ARTS_AND_CREATIVITY',
  'NATURE_AND_GARDENING',
  'LEARNING_AND_HERITAGE',
  'SOCIAL_GROUPS',
  'DANCE',
  'VOLUNTEERING',
  'ADVICE_SERVICES',
  'OTHER',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const ACTIVITY_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const COST_KINDS = ['FREE', 'CHARGE'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/**
 * A community activity in a PCN's directory (Open Referral UK: a service with its location, schedule, contact,
 * cost, eligibility and accessibility). Run by a PROVIDER organisation; listed by one PCN. Directory data, never
 * patient data.
 */
export function activityEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'activity', version: '1', service: SERVICE },
      attributes: {
        activityId: { type: 'string', required: true, readOnly: true },
        providerOrganisationId: { type: 'string', required: true, readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        description: { type: 'string', required: true },
        category: { type: ACTIVITY_CATEGORIES, required: true },
        venueName: { type: 'string', required: true },
        venueAddress: { type: 'string', required: true },
        /** Upper case, one space before the inward code: `LS1 4AP`. */
        postcode: { type: 'string', required: true },
        scheduleText: { type: 'string', required: true },
        /** At least one route is always present (enforced by the use cases). */
        contact: {
          type: 'map',
          required: true,
          properties: {
            name: { type: 'string' },
            phone: { type: 'string' },
            email: { type: 'string' },
            website: { type: 'string' },
          },
        },
        cost: {
          type: 'map',
          required: true,
          properties: {
            kind: { type: COST_KINDS, required: true },
            /** Required when kind is CHARGE ("£3 a session"); optional for FREE ("donations welcome"). */
            details: { type: 'string' },
          },
        },
        capacity: { type: 'number' },
        eligibility: { type: 'string' },
        accessibility: { type: 'string' },
        takesDirectReferrals: { type: 'boolean', required: true },
        status: { type: ACTIVITY_STATUSES, required: true },
        /** Optimistic lock: every write is conditional on the version it read. */
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        updatedBy: { type: 'string', required: true },
        /**
         * Lower-cased name, description and venue, so the directory's text search runs as a DynamoDB filter while
         * paging (`contains` is case-sensitive). Kept in step by the repository on every write; never returned.
         */
        searchText: { type: 'string', required: true, hidden: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['activityId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "What is on in this PCN, by category?" (name order within a category). */
        byPcn: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['pcnId'] },
          sk: { field: 'gsi1sk', composite: ['category', 'name', 'activityId'] },
        },
        /** "Which activities does this provider run?" */
        byProvider: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['providerOrganisationId'] },
          sk: { field: 'gsi2sk', composite: ['name', 'activityId'] },
        },
      },
    },
    config,
  );
}

export type ActivityEntity = ReturnType<typeof activityEntity>;
/** An activity as stored, without the internal search column. */
export type Activity = Omit<EntityItem<ActivityEntity>, 'searchText'>;
