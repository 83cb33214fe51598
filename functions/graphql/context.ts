import type DataLoader from 'dataloader';
import type { Activity, ActivityDeps, PrescribingDeps } from '../activities';
import type { Linkwork } from '../app/composition-root';
import type { RequestAudit } from '../audit';
import type { CheckIn, CheckInApiDeps } from '../checkins';
import type { Organisation, Principal, StaffUser } from '../identity';
import type { CursorCodec } from '../platform/cursor-codec';
import type { Concern, Patient, Referral, ReferralDeps, ReferralRecord } from '../referrals';

/**
 * Per-request batchers: a page of rows that each name a patient, activity or user costs one BatchGetItem per kind.
 * Loaders that read care or directory data go through the contexts' scope-checked reads, so a value a loader returns
 * is one the caller may see (null, or a FORBIDDEN error, otherwise). `patients` is the exception: it is only ever
 * asked for the patient of a referral the caller has already been allowed to see.
 */
export interface Loaders {
  staffUsers: DataLoader<string, StaffUser | undefined>;
  organisations: DataLoader<string, Organisation | undefined>;
  activities: DataLoader<string, Activity | null>;
  patients: DataLoader<string, Patient | undefined>;
  referrals: DataLoader<string, Referral>;
  /** A referral with its events, notes and goals (one Query each; audited as a read by the use case). */
  referralRecords: DataLoader<string, ReferralRecord>;
  /**
   * Check-ins by id (one BatchGetItem per page of caseload rows). Like `patients`, unchecked: only ever asked for the
   * `nextCheckInId` of a referral the caller has already been allowed to see, and the resolver checks it belongs.
   */
  checkIns: DataLoader<string, CheckIn | undefined>;
  /** Concerns by id; like `checkIns`, only asked for the `openConcernIds` of a referral the caller may see. */
  concerns: DataLoader<string, Concern | undefined>;
}

/**
 * What every resolver receives: the verified caller, this request's loaders, the application (built once per cold
 * start by the composition root) and, per context, the ports this request's use cases are given.
 */
export interface GraphQLContext {
  principal: Principal;
  loaders: Loaders;
  linkwork: Linkwork;
  /** Seals and opens paging cursors (pagination.ts). */
  cursors: CursorCodec;
  /** This request's audit: one event per patient touched or shown, written before the response leaves. */
  audit: RequestAudit;
  referrals: ReferralDeps;
  activities: ActivityDeps & PrescribingDeps;
  checkIns: CheckInApiDeps;
}
