/*
 * What the referrals context tells other contexts about its patients and referrals: the published language of its
 * front door. Other contexts read these views (never the items) and change patients and referrals only by
 * publishing care events this context reacts to, so it stays the one writer of both items.
 */
import type { TransactItem } from '../platform/dynamodb/transactions';
import type { NextCheckIn, ReferralVersionSeen } from '../shared/care-events';
import type { UkNation } from '../shared/uk-nation';
import type { SmsConsentState } from './vocabulary';

/** A patient as the follow-up engine needs them: how to reach them, and whether it may. */
export interface PatientContact {
  patientId: string;
  mobile?: string;
  smsConsent: SmsConsentState;
  icbId: string;
  pcnId: string;
  practiceId: string;
  erased: boolean;
}

/** A referral as other contexts need it: its scope, where it is in its workflow, and its version as read. */
export interface ReferralSummary {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  linkWorkerId?: string;
  status: string;
  open: boolean;
  erased: boolean;
  receivedAt: string;
  /** Activities currently prescribed (open prescriptions), as listed on the caseload row. */
  activeActivityIds: string[];
  /** As read: lets a later change to the referral be one conditional write instead of a fresh read and a write. */
  seen: ReferralVersionSeen;
}

export type { NextCheckIn, ReferralVersionSeen };

/** The concern nobody has acknowledged for longest: what the unacknowledged-concern alarm measures. */
export interface UnacknowledgedConcern {
  concernId: string;
  raisedAt: string;
  /** The practice's nation: whose bank holidays are not working hours. */
  nation: UkNation;
}

/** The reads other contexts may make of care records (no scope checks: they act for the system or already checked). */
export interface CareRecordReader {
  getPatient(patientId: string): Promise<PatientContact | undefined>;
  /** Every patient that exists among `patientIds`; one missing from the result has no record. */
  getPatients(patientIds: readonly string[]): Promise<PatientContact[]>;
  /** Patients (not erased) whose mobile is this E.164 number. */
  findPatientsByMobile(mobile: string): Promise<PatientContact[]>;
  /** `consistent` reads the latest write (for a decision made on it, such as prescribing). */
  getReferral(referralId: string, options?: { consistent?: boolean }): Promise<ReferralSummary | undefined>;
  listReferralsOfPatient(patientId: string): Promise<ReferralSummary[]>;
  /**
   * A transaction condition that holds while the patient exists and is not erased: another context puts it in its own
   * transaction when it writes what the person said (a text), so nothing lands after an erasure.
   */
  patientNotErasedCondition(patientId: string): TransactItem;
  /**
   * A transaction condition that holds while the referral is open and not erased: another context puts it in a
   * transaction that starts something only an open referral may have (the next question of a check-in).
   */
  referralOpenCondition(referralId: string): TransactItem;
  /** The concern that has waited longest for anyone to acknowledge it, if any (one Query, one item). */
  oldestUnacknowledgedConcern(): Promise<UnacknowledgedConcern | undefined>;
}
