import type { CheckIn } from '../entities/check-in';
import type { InboxReason } from '../entities/inbox-message';
import type { DispatchPolicy } from '../policy';
import type { CheckInDeps, InboundCommit, NewInboxMessage, PatientContact, ThreadMessage } from '../ports';
import type { QuestionCatalogue } from '../questionnaires';
import { signpost } from './inbound-replies';
import { inboxOwner } from './inbox';

/* What the handling of one inbound text shares (handle-inbound-sms.ts routes it; inbound-answer.ts answers). */

export interface InboundSms {
  from: string;
  to?: string;
  body: string;
  inboundMessageId: string;
  previousPublishedMessageId?: string;
}

export type InboundResult =
  | 'unknown-sender'
  | 'duplicate'
  | 'opted-out'
  | 'opted-in'
  | 'help'
  | 'answered'
  | 'reasked'
  | 'unanswered'
  | 'completed'
  | 'concern'
  /** Not an answer (no question was waiting): in the inbox of whoever looks after the patient. */
  | 'inbox'
  /** The number is on several records and not exactly one was waiting: in each record's inbox. */
  | 'shared-number';

export interface InboundOptions {
  policy: DispatchPolicy;
  catalogue?: QuestionCatalogue;
  /** Pause between attempts of the safety reply after a provider refusal. */
  sleep?: (ms: number) => Promise<void>;
}

/** One patient record on the number, with its check-ins as read. */
export interface NumberRecord {
  patient: PatientContact;
  checkIns: CheckIn[];
  /** The check-in waiting for this text, if any. */
  awaiting?: CheckIn;
  /** Where this record keeps the text: the waiting (or open) check-in's thread, else the patient's own. */
  threadId: string;
}

/** What the handling of one text shares. */
export interface InboundContext {
  deps: CheckInDeps;
  sms: InboundSms;
  mobile: string;
  options: InboundOptions;
  receivedAt: string;
  records: NumberRecord[];
  sender: string;
}

/** A text not written: a redelivery, or a check-in or patient that changed underneath (tried again from the top). */
export type Unsettled = Exclude<InboundCommit, 'committed'>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The text as one record keeps it in its thread. */
export function inboundMessage(context: InboundContext, record: NumberRecord): ThreadMessage {
  return {
    checkInId: record.threadId,
    direction: 'IN',
    kind: 'REPLY',
    body: context.sms.body,
    at: context.receivedAt,
    patientId: record.patient.patientId,
    inboundMessageId: context.sms.inboundMessageId,
  };
}

export async function inboxItem(
  context: InboundContext,
  record: NumberRecord,
  reason: InboxReason,
): Promise<NewInboxMessage> {
  const owner = await inboxOwner(context.deps, record.patient);
  return {
    inboxMessageId: context.deps.newId(),
    patientId: record.patient.patientId,
    ...owner,
    reason,
    body: context.sms.body,
    receivedAt: context.receivedAt,
    threadId: record.threadId,
    inboundMessageId: context.sms.inboundMessageId,
  };
}

/**
 * Raises a concern on every open referral of each record (ConcernRaised; the referrals context keeps one concern per
 * unacknowledged run of texts, and ignores a text it already has).
 */
export async function raiseConcerns(
  context: Pick<InboundContext, 'deps' | 'sms' | 'receivedAt'>,
  records: readonly Pick<NumberRecord, 'patient' | 'threadId' | 'awaiting'>[],
  reason: 'WORRYING_TEXT' | 'CONCERN_ANSWER',
  at: string = context.receivedAt,
): Promise<void> {
  const { deps } = context;
  for (const record of records) {
    const referrals = await deps.careRecords.listReferralsOfPatient(record.patient.patientId);
    const nation = record.awaiting?.nation;
    for (const referral of referrals.filter((r) => r.open && !r.erased)) {
      await deps.events.publish({
        type: 'ConcernRaised',
        referralId: referral.referralId,
        reason,
        text: { threadId: record.threadId, at, inboundMessageId: context.sms.inboundMessageId },
        ...(nation ? { nation } : {}),
        at: deps.clock.now().toISOString(),
      });
    }
  }
  deps.telemetry?.count('ConcernRaised');
}

/** Crisis signposting, once per number whatever the number of records. */
export function signpostOnce(context: InboundContext, record: NumberRecord): Promise<void> {
  return signpost(context.deps, context.options.sleep ?? realSleep, {
    to: context.mobile,
    sender: context.sender,
    checkInId: record.threadId,
    patientId: record.patient.patientId,
  });
}
