/*
 * Care events: what one bounded context tells the others when something happened to a person's care. The use case
 * that causes the change publishes the event once its own write has committed; each context that must react
 * subscribes in its own use case (wired in functions/app/composition-root.ts). Events carry ids, dates and states,
 * never names, numbers or words a patient wrote, so they can be logged and replayed without personal data.
 *
 * Delivery is in-process and synchronous (platform/care-event-bus.ts): a mutation returns only after every reaction
 * ran, so the version a client sends back is the one now stored, and a failed reaction fails the request instead of
 * being swallowed. Every reaction is idempotent, so running it again (a retry, a re-run erasure) is safe.
 */

import type { UkNation } from './uk-nation';

/** The referral's optimistic-lock version and caseload position as a context last read them. */
export interface ReferralVersionSeen {
  version: number;
  caseState: 'OPEN' | 'CLOSED';
  nextCheckIn?: NextCheckIn;
}

export interface NextCheckIn {
  checkInId: string;
  /** ISO time the check-in is due (after any deferral to the sending window). */
  at: string;
  /** ISO time it was planned for, and its wave: what the caseload row shows of it without reading the check-in. */
  scheduledFor?: string;
  wave?: string;
}

/** The latest value of one outcome item, keyed `<instrument>.<item>` where it is carried. */
export interface MeasuredValue {
  value: number | string;
  measuredAt: string;
}

/** A referral reached a final status (CLOSED, DECLINED, UNABLE_TO_CONTACT): nothing more is sent about it. */
export interface ReferralEnded {
  type: 'ReferralEnded';
  referralId: string;
  patientId: string;
  status: string;
  at: string;
}

/** The person refused or withdrew consent to texts (recorded by staff, or by a STOP text). */
export interface SmsConsentWithdrawn {
  type: 'SmsConsentWithdrawn';
  patientId: string;
  consent: 'REFUSED' | 'OPTED_OUT';
  at: string;
}

/** The person texted STOP (or a variant): the referrals context records the opt-out on the patient. */
export interface SmsStopReceived {
  type: 'SmsStopReceived';
  patientId: string;
  at: string;
}

/** The person texted START after opting out: the referrals context records consent again. */
export interface SmsStartReceived {
  type: 'SmsStartReceived';
  patientId: string;
  at: string;
}

/** A link worker connected a referral to an activity (the prescription is written with the caseload row's list). */
export interface ActivityPrescribed {
  type: 'ActivityPrescribed';
  referralId: string;
  patientId: string;
  prescriptionId: string;
  activityId: string;
  /** The activity's name and version as prescribing read them: the caseload row shows the name. */
  activityName: string;
  activityVersion: number;
  /** The referral version prescribing read; the caseload row's change is conditional on it. */
  referralVersion: number;
  at: string;
}

/** A prescription was completed or stopped: the activity leaves the caseload row. */
export interface PrescriptionEnded {
  type: 'PrescriptionEnded';
  referralId: string;
  prescriptionId: string;
  activityId: string;
  referralVersion: number;
  at: string;
}

/** An activity's name changed: the caseload rows of the referrals it is prescribed on show the new one. */
export interface ActivityRenamed {
  type: 'ActivityRenamed';
  activityId: string;
  name: string;
  /** The activity's version with this name; a row never takes a name older than the one it shows. */
  activityVersion: number;
  /** Referrals with an open prescription of the activity, as the activities context found them. */
  referralIds: readonly string[];
  at: string;
}

/** The first ATTENDED session of a prescription was recorded. */
export interface FirstAttendanceRecorded {
  type: 'FirstAttendanceRecorded';
  referralId: string;
  prescriptionId: string;
  activityId: string;
  /** YYYY-MM-DD of the session. */
  sessionDate: string;
  at: string;
  actor: { userId: string; role: string };
}

/** The person's identifying data was erased (UK GDPR art. 17): every context erases its own. */
export interface PatientErased {
  type: 'PatientErased';
  patientId: string;
  referralIds: readonly string[];
  at: string;
}

/** The referral's next check-in (the earliest not yet started) changed, or there is none now. */
export interface NextCheckInChanged {
  type: 'NextCheckInChanged';
  referralId: string;
  next?: NextCheckIn;
  /** The referral as the publisher last read it, which lets the change be one conditional write. */
  seen?: ReferralVersionSeen;
  at: string;
}

/** Answers were recorded (by text or in person); the caseload row shows the latest of each item. */
export interface OutcomesMeasured {
  type: 'OutcomesMeasured';
  referralId: string;
  values: Readonly<Record<string, MeasuredValue>>;
  /**
   * The publisher's own transaction carried `writesFor(event)` (an answer by text: the caseload row's latest answers
   * commit with the answer), so there is nothing left to write on publish. Absent: the row is brought up to date on
   * publish, by a read and a conditional write.
   */
  inPublisherTransaction?: true;
  at: string;
}

/**
 * A worrying reply or a concern-level answer: the referral gets a concern (a new one, or the text joins the one nobody
 * has acknowledged yet) for its link worker, shown on its caseload row until someone resolves it.
 */
export interface ConcernRaised {
  type: 'ConcernRaised';
  referralId: string;
  reason: 'WORRYING_TEXT' | 'CONCERN_ANSWER';
  /** Where the text is kept (a check-in's thread or the patient's own), so the concern can show its words. */
  text: { threadId: string; at: string; inboundMessageId: string };
  /** The practice's UK nation (the working-hours alarm skips its bank holidays); England when unknown. */
  nation?: UkNation;
  at: string;
}

export type CareEvent =
  | ReferralEnded
  | SmsConsentWithdrawn
  | SmsStopReceived
  | SmsStartReceived
  | ActivityPrescribed
  | PrescriptionEnded
  | ActivityRenamed
  | FirstAttendanceRecorded
  | PatientErased
  | NextCheckInChanged
  | OutcomesMeasured
  | ConcernRaised;

export type CareEventType = CareEvent['type'];
