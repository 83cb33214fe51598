import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { UK_NATIONS } from '../../shared/uk-nation';

export const CHECK_IN_STATUSES = [
  /** The current step (question, or the intro) waits to be sent at `dueAt`. In the due index. */
  'WAITING',
  /** Claimed by a dispatcher run that is sending the current step. In the due index at the claim's timeout. */
  'SENDING',
  /** The current question was sent; waiting for the patient. In the due index at the reminder or expiry time. */
  'AWAITING_REPLY',
  'COMPLETED',
  'NO_RESPONSE',
  'CANCELLED',
  /** The provider kept failing; never retried automatically. Shown for review. */
  'FAILED',
  /** A send was claimed but never confirmed (crash?): the text may or may not have gone. Never resent; shown for review. */
  'UNCERTAIN',
] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const OPEN_STATUSES: readonly CheckInStatus[] = ['WAITING', 'SENDING', 'AWAITING_REPLY'];

export const WAVES = ['BASELINE', 'WEEK_1', 'WEEK_6', 'WEEK_12', 'AD_HOC'] as const;
export type Wave = (typeof WAVES)[number];

/**
 * One check-in: a short sequence of questions sent one text at a time. The check-in is the unit of scheduling and of
 * the at-most-once claim (see use-cases/dispatch-due-check-ins.ts). `dueAt`/`dueShard` exist only while the dispatcher
 * has something to do with it (send, time out a claim, remind, expire), which makes `dueForSending` sparse.
 */
export function checkInEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'checkIn', version: '1', service: SERVICE },
      attributes: {
        checkInId: { type: 'string', required: true, readOnly: true },
        referralId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        /** Free for the caller: e.g. the prescription or activity that triggered it. */
        prescriptionId: { type: 'string', readOnly: true },
        activityId: { type: 'string', readOnly: true },
        wave: { type: WAVES, required: true, readOnly: true },
        /** `<instrument>.<item>` keys, asked in this order. */
        questions: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
        /** "Linkwork for Riverside Health": fixed when scheduled so every text in the thread says the same. */
        senderLabel: { type: 'string', required: true, readOnly: true },
        /**
         * The practice's UK nation, fixed when scheduled like the sender: whose bank holidays close the sending window.
         * Absent on check-ins scheduled before it existed (England).
         */
        nation: { type: UK_NATIONS, readOnly: true },
        status: { type: CHECK_IN_STATUSES, required: true },
        /** Index of the current question. */
        questionIndex: { type: 'number', required: true, default: 0 },
        /** The "replies are not read straight away" notice has gone out (alone or with the first question). */
        introSent: { type: 'boolean', required: true, default: false },
        scheduledFor: { type: 'string', required: true, readOnly: true },
        /** When the dispatcher should next act; removed (with dueShard) when it never needs to. */
        dueAt: { type: 'string' },
        dueShard: { type: 'string' },
        claimToken: { type: 'string' },
        claimedAt: { type: 'string' },
        /** Failed sends of the current step (provider throttling/5xx). Reset when a step is sent. */
        attempts: { type: 'number', required: true, default: 0 },
        lastFailure: { type: 'string' },
        questionSentAt: { type: 'string' },
        lastProviderMessageId: { type: 'string' },
        /** The question index already re-asked once after an unreadable answer. */
        reaskedIndex: { type: 'number' },
        reminderSentAt: { type: 'string' },
        answeredCount: { type: 'number', required: true, default: 0 },
        unansweredCount: { type: 'number', required: true, default: 0 },
        closedAt: { type: 'string' },
        closeReason: { type: 'string' },
        needsReview: { type: 'boolean' },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          collection: 'checkInThread',
          pk: { field: 'pk', composite: ['checkInId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** A patient's check-ins, in the patient's record collection. */
        byPatient: {
          index: 'gsi3',
          collection: 'patientRecord',
          pk: { field: 'gsi3pk', composite: ['patientId'] },
          sk: { field: 'gsi3sk', composite: ['scheduledFor', 'checkInId'] },
        },
        /** "What must the dispatcher do now?": sparse, sharded by a hash of the check-in id. */
        dueForSending: {
          index: 'gsi4',
          pk: { field: 'gsi4pk', composite: ['dueShard'] },
          sk: { field: 'gsi4sk', composite: ['dueAt'] },
        },
      },
    },
    config,
  );
}

export type CheckInEntity = ReturnType<typeof checkInEntity>;
export type CheckIn = EntityItem<CheckInEntity>;
