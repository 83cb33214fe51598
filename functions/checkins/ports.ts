import type { Outcome, OutcomeSource, OutcomeWave } from '../outcomes/entities/outcome';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import type { CheckIn } from './entities/check-in';
import type { SmsKind, SmsMessage } from './entities/sms-message';

/** Outgoing text. `to` is E.164. */
export interface OutgoingSms {
  to: string;
  body: string;
}

/**
 * The SMS provider. Resolves with the provider's message id once it accepted the text. Rejects with a retryable
 * `SmsSendError` only when the provider certainly did not take the text; any other rejection is treated as "may
 * have been sent" (see errors.ts).
 */
export interface SmsSender {
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}

export type SmsConsent = 'GIVEN' | 'NOT_ASKED' | 'REFUSED' | 'OPTED_OUT';

/** What the check-ins context needs to know about a patient (owned by the referrals context). */
export interface PatientContact {
  patientId: string;
  mobile?: string;
  smsConsent: SmsConsent;
  pcnId: string;
  erased: boolean;
}

/** What the check-ins context needs to know about a referral (owned by the referrals context). */
export interface ReferralSummary {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  linkWorkerId?: string;
  open: boolean;
  receivedAt: string;
  /** As read: lets a later change to the referral be one conditional write instead of a fresh read and a write. */
  seen: ReferralVersion;
}

/** The referral's optimistic-lock version and the fields a conditional write on it needs, as last read. */
export interface ReferralVersion {
  version: number;
  caseState: 'OPEN' | 'CLOSED';
  nextCheckIn?: NextCheckIn;
}

export interface NextCheckIn {
  checkInId: string;
  at: string;
}

export interface LatestOutcomeValue {
  value: number | string;
  measuredAt: string;
}

/**
 * The patient and referral records, owned by the referrals context; this port is the only way the check-ins context
 * reads or changes them, so the denormalised caseload fields are all written in one place.
 */
export interface CareRecordPort {
  getPatient(patientId: string): Promise<PatientContact | undefined>;
  /** Every patient that exists among `patientIds`; one missing from the result has no record. */
  getPatients(patientIds: readonly string[]): Promise<PatientContact[]>;
  findPatientByMobile(mobile: string): Promise<PatientContact | undefined>;
  /** Records an SMS opt-out (STOP) or opt-back-in (START). */
  setSmsConsent(patientId: string, consent: 'OPTED_OUT' | 'GIVEN', at: string): Promise<void>;
  getReferral(referralId: string): Promise<ReferralSummary | undefined>;
  listReferralsOfPatient(patientId: string): Promise<ReferralSummary[]>;
  /**
   * `nextCheckInAt`, `nextCheckInId`, `nextCheckInSort` (ISO or `~`). With `seen`, the first attempt writes conditional
   * on that version without reading the referral again; a stale `seen` only costs the read it meant to save.
   */
  setNextCheckIn(referralId: string, next: NextCheckIn | undefined, at: string, seen?: ReferralVersion): Promise<void>;
  /** Merges into `latestOutcomes`, keeping whichever value of each key was measured last. */
  mergeLatestOutcomes(referralId: string, outcomes: Record<string, LatestOutcomeValue>, at: string): Promise<void>;
  /** Sets `concernOpen` (keeps the first `concernRaisedAt` of an open concern). */
  raiseConcern(referralId: string, at: string): Promise<void>;
}

/** Who a HELP reply names and how to reach them, and what the PCN is called (identity context). */
export interface StaffDirectoryPort {
  getStaffUser(userId: string): Promise<{ name: string; contactRoute?: string } | undefined>;
  getOrganisation(organisationId: string): Promise<{ name: string } | undefined>;
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
    >
  >;
  /** Where the check-in goes in the due index; `null` removes it. */
  dueAt: string | null;
}

export type InboundCommit = 'committed' | 'duplicate' | 'stale';

export interface CheckInRepository {
  /** Throws ConflictError when the id is taken. */
  create(checkIn: CheckIn): Promise<void>;
  get(checkInId: string): Promise<CheckIn | undefined>;
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
  close(checkIn: CheckIn, close: { status: 'CANCELLED' | 'NO_RESPONSE'; reason: string; at: string }): Promise<boolean>;
  /** AWAITING_REPLY → reminder claimed (reminderSentAt set, due at expiry), if still as read. */
  claimReminder(checkIn: CheckIn, at: string, expiresAt: string): Promise<boolean>;
  /** Undoes a reminder claim after a certain provider refusal, retrying at dueAt. */
  releaseReminder(checkIn: CheckIn, dueAt: string): Promise<boolean>;
  /**
   * One transaction: the inbound receipt (must be new), the check-in change (must still be as read), the outcome
   * (if any) and the inbound message in the thread.
   */
  commitInbound(input: {
    inboundMessageId: string;
    receivedAt: string;
    checkIn?: { checkIn: CheckIn; advance: CheckInAdvance };
    outcome?: NewOutcome & { outcomeId: string };
    message: ThreadMessage;
  }): Promise<InboundCommit>;
  appendMessage(message: ThreadMessage): Promise<void>;
  listThread(checkInId: string): Promise<SmsMessage[]>;
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
  outcomes: OutcomeRepository;
  careRecords: CareRecordPort;
  staff: StaffDirectoryPort;
  sms: SmsSender;
  clock: Clock;
  newId: IdGenerator;
  telemetry?: CheckInTelemetry;
}
