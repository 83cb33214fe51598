import type { IdentityRepository } from '../identity';
import type { KeyPage } from '../platform/dynamodb/key-paging';
import type { TransactItem } from '../platform/dynamodb/transactions';
import type { MeasuredValue, NextCheckIn, ReferralVersionSeen } from '../shared/care-events';
import type { CareRecordReader } from './care-record';
import type { Concern, ConcernText } from './entities/concern';
import type { Patient } from './entities/patient';
import type { Referral } from './entities/referral';
import type { ReferralEvent } from './entities/referral-event';
import type { Goal, WhatMattersNote } from './entities/what-matters';
import type { CaseState, ConcernAction, ReferralStatus } from './vocabulary';

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
  /** The position of the item to resume after (one of a previous page's `cursors`). */
  after?: string;
}

/** A page read by keyset paging (platform/dynamodb/key-paging.ts): each item with its own position. */
export type Page<T> = KeyPage<T>;

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
    | 'openConcernIds'
    | 'latestOutcomes'
    | 'snomedCodes'
  >
>;

export interface PatientNameQuery {
  /** A PCN's patients (link workers, coordinators) or an ICB's (its administrators). */
  scope: { pcnId: string } | { icbId: string };
  /** The family name folded by `familyNameKey`. */
  familyNameKey: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  first: number;
  after?: string;
}

/** Patient fields that may change after creation. `null` removes the value. */
export interface PatientChanges {
  /**
   * The practice the person is registered with, and its PCN and ICB (movePatient), with the lookup keys that hold
   * the PCN and ICB (`patientLookupKeys` of the moved patient): they move together.
   */
  practiceId?: string;
  pcnId?: string;
  icbId?: string;
  pcnNameBirthKey?: string;
  icbNameBirthKey?: string;
  mobile?: string | null;
  preferredName?: string | null;
  accessibilityNeeds?: string | null;
  smsConsent?: Patient['smsConsent'];
  smsConsentChangedAt?: string;
  updatedAt: string;
}

/** A change of the patient's display name, to copy onto the caseload row of every referral they had when read. */
export interface PatientRename {
  /** The new display name (undefined: none). */
  patientName: string | undefined;
  /** Every referral of the patient's (their own list as read, and any the patient index found). */
  referralIds: readonly string[];
  /** How many ids the patient's own `referralIds` held when read; the write is conditional on it being unchanged. */
  listedReferralCount: number;
}

export interface NewReferralWrite {
  /** Set when the patient is new: the patient and its NHS number claim are created with the referral. */
  newPatient?: Patient;
  /** Set when the patient exists: the write is conditional on it still existing and not being erased. */
  existingPatientId?: string;
  /**
   * With `existingPatientId`: the patient's preferred name as read (null: none), which the referral's `patientName`
   * was made from. The write is conditional on it being unchanged (PatientChangedError otherwise).
   */
  existingPreferredName?: string | null;
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
  /** A page of the patients registered in one PCN or ICB with this folded family name and date of birth. */
  findPatientsByNameAndBirthDate(query: PatientNameQuery): Promise<Page<Patient>>;
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
  /**
   * Applies `changes` to the patient as read (`current`), moving the SMS contact claim with it in one transaction
   * when the consent or mobile changes (entities/mobile-claim.ts). With `renamed`, also copies the new display name
   * onto the patient's referrals in the same transaction (PatientChangedError when a referral was added or the patient
   * changed since the read: read again). Throws MobileClaimedError when another patient holds the new claim;
   * ConflictError when the patient's consent or mobile changed since read, or it was erased.
   */
  updatePatient(current: Patient, changes: PatientChanges, renamed?: PatientRename): Promise<Patient>;
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
  /**
   * The same merge as an action for the publisher's transaction, without reading the referral: it sets each key by
   * its own path, and holds only while the referral exists, is not erased, has its `latestOutcomes` map and shows no
   * later value of any key. When it does not hold, the whole transaction is refused, and the publisher commits
   * without it and publishes the event for `mergeLatestOutcomes` instead.
   */
  latestOutcomesAction(referralId: string, values: Readonly<Record<string, MeasuredValue>>, at: string): TransactItem;
  /** The caseload row's prescribed activities (and their names), as an action for the prescribing transaction. */
  activeActivityAction(change: {
    referralId: string;
    activityId: string;
    /** Given when prescribed; absent when the prescription ended. */
    prescribed?: { name: string; activityVersion: number };
    expectedVersion: number;
    at: string;
  }): TransactItem;
  /** A renamed activity's name on one caseload row, unless it left the row or the row shows a newer name. */
  renameActivity(referralId: string, activityId: string, name: string, activityVersion: number): Promise<boolean>;
}

/** Which open concerns a caller asks for: a caseload owner's, a PCN's or an ICB's, oldest first. */
export type OpenConcernScope = { caseloadOwner: string } | { pcnId: string } | { icbId: string };

/**
 * Concerns, and the referral caseload fields that show them, written together. Every write is conditional on the
 * versions read (the concern's, and the referral's where it changes) and on neither being erased; a clash comes back
 * as `false` (or ConflictError where a person acted) so the caller re-reads and decides again.
 */
export interface ConcernRepository {
  get(concernId: string, options?: { consistent?: boolean }): Promise<Concern | undefined>;
  getMany(concernIds: readonly string[]): Promise<Concern[]>;
  /** A new concern and the referral's row (id added, `concernOpen`, `concernRaisedAt`), if still at `referral.version`. */
  open(concern: Concern, referral: Pick<Referral, 'referralId' | 'version'>, row: ConcernRow): Promise<boolean>;
  /** Another text joins an unacknowledged concern, if it is still at the version read and still OPEN. */
  attach(concern: Concern, text: ConcernText, at: string): Promise<boolean>;
  /** OPEN → ACKNOWLEDGED. ConflictError when it changed since it was read. */
  acknowledge(concern: Concern, by: { userId: string; at: string }): Promise<Concern>;
  /** → RESOLVED with the referral's row in one transaction. ConflictError when either changed since read. */
  resolve(
    concern: Concern,
    referral: Pick<Referral, 'referralId' | 'version'>,
    resolution: { userId: string; at: string; action: ConcernAction; note?: string },
    row: ConcernRow,
  ): Promise<Concern>;
  /** The caseload owner of every unresolved concern of a referral moves with the referral. */
  reassign(concern: Concern, caseloadOwner: string, at: string): Promise<boolean>;
  listOpen(scope: OpenConcernScope, page: { first: number; after?: string }): Promise<Page<Concern>>;
  listForPatient(patientId: string): Promise<Concern[]>;
  /** The concern nobody has acknowledged for longest, if any. */
  oldestUnacknowledged(): Promise<Concern | undefined>;
  /** Removes the note and marks it erased (moves its version, so a resolution read before cannot land after). */
  erase(concern: Concern, erasedAt: string): Promise<void>;
}

/** The referral caseload row's view of its unresolved concerns after a change. */
export interface ConcernRow {
  openConcernIds: string[];
  /** When the oldest unresolved concern was raised; undefined when none is left. */
  concernRaisedAt?: string;
  at: string;
}
