import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { UK_NATIONS } from '../../shared/uk-nation';
import { CONCERN_ACTIONS, CONCERN_REASONS, CONCERN_STATUSES } from '../vocabulary';

/**
 * A worrying text or a concern-level answer on a referral, until a named person has acknowledged and resolved it. Owned
 * by the referrals context, which also keeps the referral's caseload row in step (`openConcernIds`, `concernOpen`,
 * `concernRaisedAt`) in the same transactions. Texts that arrive while a concern is still unacknowledged join it
 * (`texts`, `raisedCount`); once someone has acknowledged it, a new text raises a new concern, since it is news they
 * have not seen.
 *
 * The scope indexes exist only while the concern is unresolved, and the watch index only while nobody has acknowledged
 * it (conditions below), so "open concerns in my scope" and "the oldest unacknowledged concern" read open ones only.
 * Every change is conditional on `version` and on the concern not being erased; erasure removes `note` and takes the
 * concern out of every open list (nobody can act on an erased person's concern).
 */
/** Keys of the scope indexes exist while this holds; an erased person's concerns leave every list and alarm. */
const isUnresolved = (attributes: { status?: string; erasedAt?: string }) =>
  attributes.status !== 'RESOLVED' && !attributes.erasedAt;

export function concernEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'concern', version: '1', service: SERVICE },
      attributes: {
        concernId: { type: 'string', required: true, readOnly: true },
        referralId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', required: true, readOnly: true },
        practiceId: { type: 'string', required: true, readOnly: true },
        /** The referral's caseload owner (link worker, or `unassigned-<pcnId>`); moves when the referral is reassigned. */
        caseloadOwner: { type: 'string', required: true },
        status: { type: CONCERN_STATUSES, required: true },
        /** Values of CONCERN_REASONS (ElectroDB lists take no enum). */
        reasons: { type: 'list', items: { type: 'string' }, required: true },
        /** The practice's nation, whose bank holidays the working-hours alarm skips. */
        nation: { type: UK_NATIONS },
        raisedAt: { type: 'string', required: true, readOnly: true },
        lastRaisedAt: { type: 'string', required: true },
        raisedCount: { type: 'number', required: true },
        /** Where each text that raised it is kept (the check-ins context's thread), for the link worker to read. */
        texts: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              threadId: { type: 'string', required: true },
              at: { type: 'string', required: true },
              inboundMessageId: { type: 'string', required: true },
              reason: { type: CONCERN_REASONS, required: true },
            },
          },
        },
        acknowledgedAt: { type: 'string' },
        acknowledgedBy: { type: 'string' },
        resolvedAt: { type: 'string' },
        resolvedBy: { type: 'string' },
        action: { type: CONCERN_ACTIONS },
        /** What was done, in the resolver's words; removed on erasure. */
        note: { type: 'string' },
        version: { type: 'number', required: true },
        updatedAt: { type: 'string', required: true },
        erasedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['concernId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "Which concerns has this person had?" (erasure, a referral's history). */
        byPatient: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['patientId'] },
          sk: { field: 'gsi3sk', composite: ['raisedAt', 'concernId'] },
        },
        /** "Which concerns on my caseload are still open, oldest first?" Only while unresolved. */
        openByOwner: {
          index: 'gsi1',
          condition: isUnresolved,
          pk: { field: 'gsi1pk', composite: ['caseloadOwner'] },
          sk: { field: 'gsi1sk', composite: ['raisedAt', 'concernId'] },
        },
        /** "Which concerns in my PCN are still open, oldest first?" Only while unresolved. */
        openByPcn: {
          index: 'gsi2',
          condition: isUnresolved,
          pk: { field: 'gsi2pk', composite: ['pcnId'] },
          sk: { field: 'gsi2sk', composite: ['raisedAt', 'concernId'] },
        },
        /** "Which concerns in my ICB are still open, oldest first?" Only while unresolved. */
        openByIcb: {
          index: 'gsi5',
          condition: isUnresolved,
          pk: { field: 'gsi5pk', composite: ['icbId'] },
          sk: { field: 'gsi5sk', composite: ['raisedAt', 'concernId'] },
        },
        /** "Which concern has waited longest for anyone to look at it?" One partition, only while OPEN. */
        unacknowledged: {
          index: 'gsi4',
          condition: (attributes) => attributes.status === 'OPEN' && !attributes.erasedAt,
          pk: { field: 'gsi4pk', composite: [] },
          sk: { field: 'gsi4sk', composite: ['raisedAt', 'concernId'] },
        },
      },
    },
    config,
  );
}

export type ConcernEntity = ReturnType<typeof concernEntity>;
export type Concern = EntityItem<ConcernEntity>;

/** The text that raised (or joined) a concern, as its `texts` keep it. */
export type ConcernText = Concern['texts'][number];
