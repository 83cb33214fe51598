import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/** Why a text from a patient was not taken as an answer, and so waits in an inbox for a person to read it. */
export const INBOX_REASONS = [
  /** No question was waiting for an answer and none had been asked before (or long ago). */
  'OUTSIDE_CHECK_IN',
  /** No question was waiting: the patient's latest check-in had already closed (a late answer, or news). */
  'AFTER_CHECK_IN',
  /** The number is on more than one patient's record, and not exactly one of them was waiting for an answer. */
  'SHARED_NUMBER',
  /** Still unreadable after the question was asked again. */
  'UNREADABLE',
  /** Worrying words stopped the check-in; the concern points at the same text. */
  'WORRYING_TEXT',
] as const;
export type InboxReason = (typeof INBOX_REASONS)[number];

export const INBOX_STATES = ['UNHANDLED', 'HANDLED'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/**
 * A text from a patient that no check-in consumed as an answer, in the inbox of the link worker of the patient's open
 * referral (or the PCN's coordinators' queue, `unassigned-<pcnId>`, when nobody is assigned), until someone marks it
 * handled. Written in the same transaction as the inbound receipt, so a text is either handled as an answer or here:
 * never lost. Deleted on erasure (the thread's copy keeps the text's kind and time, without its words); every write is
 * conditional on the patient not being erased (the inbound commit's guard) or on the item still existing.
 */
export function inboxMessageEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'inboxMessage', version: '1', service: SERVICE },
      attributes: {
        inboxMessageId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        /** The open referral whose link worker it is for; absent when the patient has none open. */
        referralId: { type: 'string', readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', required: true, readOnly: true },
        practiceId: { type: 'string', required: true, readOnly: true },
        /** A link worker's id, or `unassigned-<pcnId>` for the coordinators' queue. */
        caseloadOwner: { type: 'string', required: true, readOnly: true },
        reason: { type: INBOX_REASONS, required: true, readOnly: true },
        body: { type: 'string' },
        receivedAt: { type: 'string', required: true, readOnly: true },
        /** Where the same text sits in a thread (a check-in's, or the patient's own). */
        threadId: { type: 'string', required: true, readOnly: true },
        inboundMessageId: { type: 'string', required: true, readOnly: true },
        state: { type: INBOX_STATES, required: true },
        handledAt: { type: 'string' },
        handledBy: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['inboxMessageId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "What is waiting in my inbox, oldest first?" (or what I have handled). */
        byOwner: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['caseloadOwner'] },
          sk: { field: 'gsi1sk', composite: ['state', 'receivedAt', 'inboxMessageId'] },
        },
        /** A patient's inbox texts (erasure). */
        byPatient: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['patientId'] },
          sk: { field: 'gsi3sk', composite: ['receivedAt', 'inboxMessageId'] },
        },
      },
    },
    config,
  );
}

export type InboxMessageEntity = ReturnType<typeof inboxMessageEntity>;
export type InboxMessage = EntityItem<InboxMessageEntity>;
