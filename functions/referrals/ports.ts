import type { IdentityRepository } from '../identity';
import type { TransactItem } from '../platform/dynamodb/transactions';
import type { MeasuredValue, NextCheckIn, ReferralVersionSeen } from '../shared/care-events';
import type { CareRecordReader } from './care-record';
import type { Patient } from './entities/patient';
import type { Referral } from './entities/referral';
import type { ReferralEvent } from './entities/referral-event';
import type { Goal, WhatMattersNote } from './entities/what-matters';
import type { CaseState, ReferralStatus } from './vocabulary';

/** The two identity reads this context needs: a practice's place in the tree, and whether a link worker is active. */
export type StaffDirectory = Pick<IdentityRepository, 'getOrganisation' | 'getStaffUser'>;

/** A referral with everything kept in its item collection (one Query). */
export interface ReferralRecord {
  referral: Referral;
  events: ReferralEvent[];
  notes: WhatMattersNote[];
  goals: Goal[];
}

export const CASELOAD_SORTS = ['NEXT_CHECK_IN', 'LAST_CONTACT'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface CaseloadQuery {
  /** A link worker's id, or `unassigned-<pcnId>`. */
  caseloadOwner: string;
  caseState: CaseState;
  sort: CaseloadSort;
  statuses?: readonly ReferralStatus[];
  concernOnly?: boolean;
  /** ISO time; only referrals whose next check-in is strictly before it. */
  checkInDueBefore?: string;
  first: number;
  /** Opaque cursor from a previous page's `endCursor`. */
  after?: string;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Cursor of the last item, to pass as `after`; absent on an empty page. */
  endCursor?: string;
}

/** Fields a use case may change on a referral; the adapter recomputes index keys from the merged record. */
export type ReferralChanges = Partial<
  Pick<
    Referral,
    | 'status'
    | 'caseState'
    | 'linkWorkerId'
    | 'caseloadOwner'
    | 'closedAt'
    | 'lastContactAt'
    | 'lastContactSort'
    | 'nextCheckInAt'
    | 'nextCheckInId'
    | 'nextCheckInSort'
    | 'concernOpen'
    | 'concernRaisedAt'
    | 'latestOutcomes'
    | 'snomedCodes'
  >
>;

/** Patient fields that may change after creation. `null` removes the value. */
export interface PatientChanges {
  /** The practice the person is registered with, and its PCN and ICB (movePatient). */
  practiceId?: string;
  pcnId?: string;
  icbId?: string;
  mobile?: string | null;
  preferredName?: string | null;
  accessibilityNeeds?: string | null;
  smsConsent?: Patient['smsConsent'];
  smsConsentChangedAt?: string;
  updatedAt: string;
}

export interface NewReferralWrite {
  /** Set when the patient is new: the patient and its NHS number claim are created with the referral. */
  newPatient?: Patient;
  /** Set when the patient exists: the write is conditional on it still existing and not being erased. */
  existingPatientId?: string;
  referral: Referral;
  event: ReferralEvent;
}

/** A new goal, or a change to an existing goal of the same referral (ValidationError if it does not exist). */
export type GoalWrite =
  | { kind: 'create'; goal: Goal }
  | {
      kind: 'update';
      goal: Pick<Goal, 'referralId' | 'goalId' | 'updatedAt' | 'updatedBy'> &
        Partial<Pick<Goal, 'status' | 'description'>>;
    };

export interface ReferralRepository {
  getPatient(patientId: string, options?: { consistent?: boolean }): Promise<Patient | undefined>;
  /** One BatchGetItem per 100 ids; results in the order of `patientIds`, `undefined` where missing. */
  getPatients(patientIds: readonly string[]): Promise<(Patient | undefined)[]>;
  findPatientIdByNhsNumber(nhsNumber: string): Promise<string | undefined>;
  /**
   * Writes patient (if new), NHS number claim (if new), referral and first event in one transaction.
   * Throws `NhsNumberClaimedError` when the NHS number already belongs to a patient; ConflictError when an existing
   * patient was erased meanwhile.
   */
  createReferral(write: NewReferralWrite): Promise<void>;
  getReferral(referralId: string, options?: { consistent?: boolean }): Promise<Referral | undefined>;
  getReferrals(referralIds: readonly string[]): Promise<(Referral | undefined)[]>;
  getReferralRecord(referralId: string): Promise<ReferralRecord | undefined>;
  listPatientReferrals(patientId: string): Promise<Referral[]>;
  /**
   * Applies `changes` and writes `events` in one transaction, conditional on the stored version still being
   * `current.version`; returns the new record. Throws ConflictError when someone else changed it first.
   */
  updateReferral(
    current: Referral,
    changes: ReferralChanges,
    events: readonly ReferralEvent[],
    updatedAt: string,
  ): Promise<Referral>;
  queryCaseload(query: CaseloadQuery): Promise<Page<Referral>>;
  /**
   * Writes new notes, new goals and changes to existing goals in one transaction (≤ 99 in all), moving the referral
   * to its next version if it is still at `referral.version` and not erased (ConflictError otherwise).
   */
  saveWhatMatters(
    referral: Pick<Referral, 'referralId' | 'version'>,
    notes: readonly WhatMattersNote[],
    goals: readonly GoalWrite[],
  ): Promise<void>;
  /** Conditional on the patient existing and not being erased (ConflictError otherwise). */
  updatePatient(patientId: string, changes: PatientChanges): Promise<Patient>;
  /**
   * Marks the patient erased and removes every identifying field and the NHS number claim, in one transaction; from
   * then on no write to the patient succeeds. ConflictError when it was erased meanwhile.
   */
  markPatientErased(patient: Patient, erasedAt: string): Promise<void>;
  /**
   * Marks the referral erased (conditional on the version read, re-read when it moved) and removes its note, event
   * reasons, conversation notes and goal descriptions. Idempotent: a re-run finishes what an interrupted one left.
   */
  eraseReferral(referralId: string, erasedAt: string): Promise<void>;
}

/**
 * The care-record views other contexts read, and the caseload fields their care events keep in step. Only the
 * referrals context's reactions (use-cases/react-to-care-events.ts) call the writes.
 */
export interface CareRecordStore extends CareRecordReader {
  /** A consent change the patient made by text; false when the patient was erased meanwhile. */
  recordSmsConsent(patientId: string, consent: 'OPTED_OUT' | 'GIVEN', at: string): Promise<boolean>;
  /** With `seen`, the first attempt writes conditional on that version without reading the referral again. */
  setNextCheckIn(
    referralId: string,
    next: NextCheckIn | undefined,
    at: string,
    seen?: ReferralVersionSeen,
  ): Promise<void>;
  /** Merges into `latestOutcomes`, keeping whichever value of each key was measured last. */
  mergeLatestOutcomes(referralId: string, values: Readonly<Record<string, MeasuredValue>>, at: string): Promise<void>;
  /** Sets `concernOpen` (keeps the first `concernRaisedAt` of an open concern). */
  raiseConcern(referralId: string, at: string): Promise<void>;
  /** The caseload row's prescribed activities, as an action for the prescribing transaction. */
  activeActivityAction(change: {
    referralId: string;
    activityId: string;
    prescribed: boolean;
    expectedVersion: number;
    at: string;
  }): TransactItem;
}
