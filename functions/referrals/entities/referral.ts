import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { AGE_BANDS, CASE_STATES, NO_DATE_SORT, REFERRAL_SOURCES, REFERRAL_STATUSES } from '../vocabulary';

/** Latest value of each outcome item, keyed `<instrument>.<item>` (e.g. `ons4.lifeSatisfaction`). */
export type LatestOutcomes = Record<string, { value: number | string; measuredAt: string }>;

/**
 * The caseload row's names of the activities in `activeActivityIds`, by activity id, with the activity's version
 * the name was read at (so a late rename never overwrites a newer one).
 */
export type ActiveActivityNames = Record<string, { name: string; activityVersion: number }>;

/**
 * One episode of social prescribing for one patient. Carries the denormalised fields a caseload row shows
 * (docs/data-model.md, "Denormalised fields"), so a page costs one Query. Every change made by this context is
 * conditional on `version`.
 */
export function referralEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'referral', version: '1', service: SERVICE },
      attributes: {
        referralId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        practiceId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', required: true, readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        linkWorkerId: { type: 'string' },
        /** `linkWorkerId`, or `unassigned-<pcnId>` while in the PCN's queue. */
        caseloadOwner: { type: 'string', required: true },
        source: { type: REFERRAL_SOURCES, required: true, readOnly: true },
        /** Values from NEEDS (validated by the use case; ElectroDB lists take no enum). */
        needs: { type: 'list', items: { type: 'string' }, required: true },
        /** The referrer's free text; removed on erasure. */
        note: { type: 'string' },
        status: { type: REFERRAL_STATUSES, required: true },
        caseState: { type: CASE_STATES, required: true },
        ageBandAtReferral: { type: AGE_BANDS },
        receivedAt: { type: 'string', required: true, readOnly: true },
        closedAt: { type: 'string' },
        lastContactAt: { type: 'string' },
        nextCheckInAt: { type: 'string' },
        nextCheckInId: { type: 'string' },
        /** `nextCheckInAt` or `~`, so referrals with nothing scheduled sort last. */
        nextCheckInSort: { type: 'string', required: true, default: NO_DATE_SORT },
        /** `lastContactAt` or `~`. */
        lastContactSort: { type: 'string', required: true, default: NO_DATE_SORT },
        /**
         * The patient's display name (preferred or given name, and family name) for the caseload row, kept in step
         * with the patient by this context's own writes; removed on erasure.
         */
        patientName: { type: 'string' },
        /** The next check-in's planned time and wave (with `nextCheckInId`), so the row needs no check-in read. */
        nextCheckInScheduledFor: { type: 'string' },
        nextCheckInWave: { type: 'string' },
        /** True while any concern on the referral is unresolved (`openConcernIds` not empty). */
        concernOpen: { type: 'boolean', required: true, default: false },
        /** When the oldest unresolved concern was raised. */
        concernRaisedAt: { type: 'string' },
        /** The unresolved concerns, oldest first: what the caseload row shows. */
        openConcernIds: { type: 'list', items: { type: 'string' } },
        /**
         * The latest answer to each item (a map from creation: an answer by text sets its key by path, in the
         * answer's own transaction, which DynamoDB refuses on a missing map).
         */
        latestOutcomes: { type: CustomAttributeType<LatestOutcomes>('any'), default: () => ({}) },
        /** A DynamoDB String Set; the activities context ADDs and DELETEs ids on it directly. */
        activeActivityIds: { type: 'set', items: 'string' },
        /** Names of `activeActivityIds` (a map the care events change entry by entry, so it exists from creation). */
        activeActivityNames: { type: CustomAttributeType<ActiveActivityNames>('any'), default: () => ({}) },
        /** SNOMED CT concepts recorded on this episode, in order. */
        snomedCodes: { type: 'list', items: { type: 'string' } },
        version: { type: 'number', required: true },
        createdBy: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        /** Set (first) when the patient's data is erased: every later change of the referral is refused. */
        erasedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "What is on this link worker's caseload, soonest check-in first?" (and a PCN's unassigned queue). */
        byCaseloadOwner: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['caseloadOwner'] },
          sk: { field: 'gsi1sk', composite: ['caseState', 'nextCheckInSort', 'referralId'] },
        },
        /** "Whom have I not spoken to for longest?" */
        byLastContact: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['caseloadOwner'] },
          sk: { field: 'gsi2sk', composite: ['caseState', 'lastContactSort', 'referralId'] },
        },
        /** "What referrals has this patient had?" */
        byPatient: {
          index: 'gsi3',
          collection: 'patientRecord',
          pk: { field: 'gsi3pk', composite: ['patientId'] },
          sk: { field: 'gsi3sk', composite: ['receivedAt', 'referralId'] },
        },
      },
    },
    config,
  );
}

export type ReferralEntity = ReturnType<typeof referralEntity>;
export type Referral = EntityItem<ReferralEntity>;
