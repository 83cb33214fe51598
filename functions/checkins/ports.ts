import type { CareEventPublisher } from '../platform/care-event-bus';
import type { TransactItem } from '../platform/dynamodb/transactions';
import type { CareRecordReader } from '../referrals';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import type { UkNation } from '../shared/uk-nation';
import type { CheckIn } from './entities/check-in';
import type { InboxMessage, InboxState } from './entities/inbox-message';
import type { DeliveryState, OutboundText } from './entities/outbound-text';
import type { Outcome, OutcomeSource, OutcomeWave } from './entities/outcome';
import type { SmsKind, SmsMessage } from './entities/sms-message';

/** Outgoing text. `to` is E.164. */
export interface OutgoingSms {
  to: string;
  body: string;
  /** Whom it is for; only the local outbox keeps it (so an erasure reaches its copies). Never sent anywhere. */
  patientId?: string;
}

/**
 * The SMS provider. Resolves with the provider's message id once it accepted the text. Rejects with a retryable
 * `SmsSendError` only when the provider certainly did not take the text; any other rejection is treated as "may
 * have been sent" (see errors.ts).
 */
export interface SmsSender {
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}

/**
 * The patient and referral records are owned by the referrals context: the check-ins context reads them through its
 * front door (`CareRecordReader`) and changes them only by publishing care events (next check-in, answers, concern,
 * STOP/START), so the referrals context stays their one writer.
 */
export type { CareRecordReader, PatientContact, ReferralSummary } from '../referrals';

/**
 * Who a HELP reply names and how to reach them, what the PCN is called and which UK nation it is in (identity
 * context; a PCN's nation is its ICB's, and so its practices').
 */
export interface StaffDirectoryPort {
  getStaffUser(
    userId: string,
  ): Promise<{ name: string; contactRoute?: string; role: string; pcnId?: string; icbId?: string } | undefined>;
  getOrganisation(
    organisationId: string,
  ): Promise<{ name: string; kind: string; icbId: string; nation?: UkNation } | undefined>;
}

export interface NewOutcome {
  referralId: string;
  patientId: string;
  instrument: string;
  item: string;
  value: number;
  option?: string;
  band?: string;
  wave: OutcomeWave;
  source: OutcomeSource;
  measuredAt: string;
  checkInId?: string;
  recordedBy?: string;
}

export interface ThreadMessage {
  checkInId: string;
  direction: 'IN' | 'OUT';
  kind: SmsKind;
  body: string;
  at: string;
  patientId?: string;
  questionIndex?: number;
  providerMessageId?: string;
  inboundMessageId?: string;
  /** The referral an outgoing text is about, where there is one: its segments count towards that referral's use. */
  referralId?: string;
}

/** Changes applied to a check-in together with an answer, conditional on the state it was read in. */
export interface CheckInAdvance {
  /** The state read: the write fails (returns 'stale') unless the check-in is still here. */
  expected: { status: CheckIn['status']; questionIndex: number };
  set: Partial<
    Pick<
      CheckIn,
      | 'status'
      | 'questionIndex'
      | 'reaskedIndex'
      | 'answeredCount'
      | 'unansweredCount'
      | 'closedAt'
      | 'closeReason'
      | 'needsReview'
      | 'claimToken'
      | 'claimedAt'
      | 'attempts'
    >
  >;
  /** Where the check-in goes in the due index; `null` removes it. */
  dueAt: string | null;
}

/**
 * `erased`: a patient was erased while the text was being handled; nothing was written. `unmet`: an action handed
 * over with the text (`alongside`, `segmentRoom`) did not hold; nothing was written, and the caller commits without it.
 */
export type InboundCommit = 'committed' | 'duplicate' | 'stale' | 'erased' | 'unmet';

/** A text no check-in took as an answer, for the inbox of whoever looks after the patient (entities/inbox-message.ts). */
export type NewInboxMessage = Omit<InboxMessage, 'state' | 'handledAt' | 'handledBy' | 'erasedAt'>;

export interface CheckInRepository {
  /** Throws ConflictError when the id is taken. */
  create(checkIn: CheckIn): Promise<void>;
  get(checkInId: string): Promise<CheckIn | undefined>;
  /** Many check-ins by id (BatchGetItem per 100 keys); missing ids are simply absent. */
  getMany(checkInIds: readonly string[]): Promise<CheckIn[]>;
  listByPatient(patientId: string): Promise<CheckIn[]>;
  /** Every shard of the due index, `dueAt <= now`, oldest first. */
  listDue(now: string, limitPerShard: number): Promise<CheckIn[]>;
  /** WAITING → SENDING if still as read; false when another run got there first. */
  claim(checkIn: CheckIn, claim: { token: string; at: string; timeoutAt: string }): Promise<boolean>;
  /** SENDING → next state, only while our claim holds; also writes the outgoing message to the thread. */
  confirmSent(
    checkIn: CheckIn,
    token: string,
    next: {
      status: 'AWAITING_REPLY' | 'WAITING';
      introSent: boolean;
      dueAt: string;
      questionSentAt?: string;
      providerMessageId: string;
    },
    message: ThreadMessage,
  ): Promise<boolean>;
  /** SENDING → WAITING (retry at dueAt) or FAILED, only while our claim holds. */
  releaseClaim(
    checkIn: CheckIn,
    token: string,
    next: { status: 'WAITING' | 'FAILED'; attempts: number; failure: string; dueAt: string | null; at: string },
  ): Promise<boolean>;
  /** SENDING with this claim → UNCERTAIN (needs review; never resent). */
  markUncertain(checkIn: CheckIn, at: string): Promise<boolean>;
  /** Moves `dueAt` later without changing anything else, if still as read. */
  defer(checkIn: CheckIn, dueAt: string): Promise<boolean>;
  /** Closes an open check-in (CANCELLED, NO_RESPONSE); false if it was no longer as read. */
  close(
    checkIn: CheckIn,
    close: { status: 'CANCELLED' | 'NO_RESPONSE'; reason: string; at: string; needsReview?: boolean },
  ): Promise<boolean>;
  /** AWAITING_REPLY → reminder claimed (reminderSentAt set, due at expiry), if still as read. */
  claimReminder(checkIn: CheckIn, at: string, expiresAt: string): Promise<boolean>;
  /** Undoes a reminder claim after a certain provider refusal, retrying at dueAt. */
  releaseReminder(checkIn: CheckIn, dueAt: string): Promise<boolean>;
  /**
   * One transaction: the inbound receipt (must be new), the check-in change (must still be as read), the outcome
   * (if any), the inbound text in each thread it belongs to (one per patient record on the number) and any inbox
   * items. So a text is recorded as an answer, or in an inbox, or (a redelivery) not at all: never half.
   */
  commitInbound(input: {
    inboundMessageId: string;
    receivedAt: string;
    checkIn?: { checkIn: CheckIn; advance: CheckInAdvance };
    outcome?: NewOutcome & { outcomeId: string };
    messages: readonly ThreadMessage[];
    inbox?: readonly NewInboxMessage[];
    /**
     * Writes and conditions another context hands over for its own items (a care event's `writesFor`, a referral
     * that must be open), committed with the text or not at all ('unmet').
     */
    alongside?: readonly TransactItem[];
    /** Room under the cap for a text of `segments` about the referral, or 'unmet' (see segmentsUsed). */
    segmentRoom?: { patientId: string; referralId: string; segments: number; cap: number };
  }): Promise<InboundCommit>;
  /** When a text was first handled and which patients' threads it went to (for a redelivery). */
  getInboundReceipt(
    inboundMessageId: string,
  ): Promise<{ receivedAt: string; threads?: { patientId: string; threadId: string }[] } | undefined>;
  /**
   * Not written (silently) when the patient was erased meanwhile. An outgoing text counts towards its patient's
   * segments for its referral (`referralId`, or none) in the same write.
   */
  appendMessage(message: ThreadMessage): Promise<void>;
  /** Segments sent so far per (patient, referral), keyed `<patientId>|<referralId>`; 0 where none were. */
  segmentsUsed(keys: readonly { patientId: string; referralId: string }[]): Promise<Map<string, number>>;
  /** An outgoing text by the provider's message id (written with the text; see entities/outbound-text.ts). */
  getOutboundText(providerMessageId: string): Promise<OutboundText | undefined>;
  /** SENT → DELIVERED or FAILED, once; false when it was already settled (a redelivered or late event). */
  settleDelivery(
    text: OutboundText,
    settled: { delivery: Exclude<DeliveryState, 'SENT'>; event: string; at: string },
  ): Promise<boolean>;
  /** An open check-in whose first text failed → FAILED (DELIVERY_FAILED, needs review); false if no longer open. */
  markDeliveryFailed(checkInId: string, at: string): Promise<boolean>;
  /** A patient's segments and texts, per referral (none for texts about no referral). */
  usageOfPatient(patientId: string): Promise<{ referralId?: string; segments: number; texts: number }[]>;
  listThread(checkInId: string): Promise<SmsMessage[]>;
  /** Inbound texts by where they are kept (thread, time, inbound id); missing ones are simply absent. */
  getInboundMessages(
    keys: readonly { threadId: string; at: string; inboundMessageId: string }[],
  ): Promise<SmsMessage[]>;
  /**
   * Removes the words (and any number) from every text of a thread, or only those of one patient (the shared local
   * outbox); returns the thread's inbound message ids.
   */
  eraseThread(checkInId: string, erasedAt: string, onlyPatientId?: string): Promise<string[]>;
  deleteInboundReceipts(inboundMessageIds: readonly string[]): Promise<void>;
}

/** The inbox of texts no check-in consumed (entities/inbox-message.ts). */
export interface InboxRepository {
  get(inboxMessageId: string): Promise<InboxMessage | undefined>;
  /** One owner's texts in one state, oldest first, a page at a time. */
  list(
    owner: string,
    state: InboxState,
    page: { first: number; after?: string },
  ): Promise<{ items: InboxMessage[]; cursors: string[]; hasNextPage: boolean; endCursor?: string }>;
  /** UNHANDLED → HANDLED, if it still exists (erasure deletes it) and is unhandled; false otherwise. */
  markHandled(message: InboxMessage, by: { userId: string; at: string }): Promise<boolean>;
  listForPatient(patientId: string): Promise<InboxMessage[]>;
  /**
   * Removes a patient's inbox texts (erasure). An inbox text is work for a person, not the record: with the person's
   * data gone nobody can act on it, and the thread keeps the text's kind and time.
   */
  eraseForPatient(patientId: string): Promise<void>;
}

export interface OutcomeRepository {
  /** Idempotent on outcomeId. */
  record(outcome: NewOutcome & { outcomeId: string }): Promise<void>;
  listByReferral(referralId: string): Promise<Outcome[]>;
}

/** Counters and structured events; never given phone numbers or message bodies. */
export interface CheckInTelemetry {
  count(name: string, value?: number): void;
  gauge(name: string, value: number, unit: 'Seconds' | 'Count'): void;
  info(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  error(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
}

export const silentTelemetry: CheckInTelemetry = {
  count: () => {},
  gauge: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export interface CheckInDeps {
  checkIns: CheckInRepository;
  inbox: InboxRepository;
  outcomes: OutcomeRepository;
  careRecords: CareRecordReader;
  /** What changes care records or other contexts goes out as a care event. */
  events: CareEventPublisher;
  staff: StaffDirectoryPort;
  sms: SmsSender;
  clock: Clock;
  newId: IdGenerator;
  telemetry?: CheckInTelemetry;
}
