import type { IdentityRepository } from '../identity';
import type { KeyPage } from '../platform/dynamodb/key-paging';
import type { TransactItem } from '../platform/dynamodb/transactions';
import type { Activity, ActivityCategory } from './entities/activity';
import type { Attendance } from './entities/attendance';
import type { Prescription, PrescriptionStatus } from './entities/prescription';

/** Organisations, to check a new activity's PCN and provider (the identity context's repository satisfies it). */
export type OrganisationDirectory = Pick<IdentityRepository, 'getOrganisation'>;

export interface ActivityListQuery {
  /** One PCN's directory (gsi1), or one provider's activities (gsi2). */
  by: { pcnId: string } | { providerOrganisationId: string };
  category?: ActivityCategory;
  /** Lower-cased; matched as a substring of name, description and venue. */
  text?: string;
  includeArchived: boolean;
  first: number;
  /** A cursor returned by an earlier page of the same query. */
  after?: string;
}

/** Keyset paging (platform/dynamodb/key-paging.ts): each activity with its own position. */
export type ActivityPage = KeyPage<Activity>;

export interface ActivityRepository {
  /** Throws ConflictError if the id is taken. */
  create(activity: Activity): Promise<void>;
  get(activityId: string): Promise<Activity | undefined>;
  /** One BatchGetItem per 100 ids; missing ids are left out. */
  getMany(activityIds: readonly string[]): Promise<Activity[]>;
  /** Writes the whole activity if the stored version is still `expectedVersion`; throws ConflictError otherwise. */
  replace(activity: Activity, expectedVersion: number): Promise<void>;
  /** Pages through the index, filtering as it goes, until `first` matches are found. ValidationError('after') for a bad cursor. */
  list(query: ActivityListQuery): Promise<ActivityPage>;
  /**
   * A transaction condition that holds while the activity is still at `version`: prescribing puts it in its own
   * transaction, so the name it copies onto the caseload row cannot be one a rename replaced meanwhile.
   */
  unchangedCondition(activityId: string, version: number): TransactItem;
}

/** What prescribing needs to know about a referral (owned by the referrals context). */
export interface ReferralForPrescribing {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  linkWorkerId?: string;
  status: string;
  /** The referral's optimistic-lock version; prescribing writes are conditional on it. */
  version: number;
  /** The patient's data was erased: the referral takes no more prescriptions. */
  erased: boolean;
  activeActivityIds: string[];
}

export interface ReferralReader {
  getReferralForPrescribing(referralId: string): Promise<ReferralForPrescribing | undefined>;
}

export interface PrescriptionEnding {
  status: Extract<PrescriptionStatus, 'COMPLETED' | 'STOPPED'>;
  endedAt: string;
  endedBy: string;
}

export interface PrescriptionRepository {
  /**
   * One transaction: puts the prescription (it must not exist) with the `alongside` writes (the caseload row's,
   * conditional on the referral version read). ConflictError when any condition fails.
   */
  create(prescription: Prescription, alongside: readonly TransactItem[]): Promise<void>;
  get(prescriptionId: string): Promise<Prescription | undefined>;
  listForActivity(activityId: string): Promise<Prescription[]>;
  /**
   * One transaction: ends the prescription (if still at `prescription.version`) with the `alongside` writes.
   * ConflictError when any condition fails.
   */
  end(prescription: Prescription, ending: PrescriptionEnding, alongside: readonly TransactItem[]): Promise<void>;
  /**
   * Puts the attendance. With `start`, in the same transaction moves the prescription PROPOSED → STARTED and records
   * the first attended session, if the prescription is still at `prescription.version`; ConflictError otherwise.
   */
  recordAttendance(
    attendance: Attendance,
    start?: { prescription: Prescription; firstAttendedOn: string; updatedAt: string },
  ): Promise<void>;
  listAttendance(prescriptionId: string): Promise<Attendance[]>;
  /** A referral's prescriptions (its item collection). */
  listForReferral(referralId: string): Promise<Prescription[]>;
  /**
   * After the patient's erasure: ends the prescription if still open (STOPPED) and closes it to further attendance;
   * its skeleton stays for figures.
   */
  markErased(prescription: Prescription, erasedAt: string): Promise<void>;
}
