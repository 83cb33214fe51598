import type DataLoader from 'dataloader';
import type { Activity } from '../activities';
import type { CheckIn } from '../checkins/entities/check-in';
import type { Organisation } from '../identity/entities/organisation';
import type { StaffUser } from '../identity/entities/staff-user';
import type { Principal } from '../identity/principal';
import type { Patient, Referral, ReferralRecord } from '../referrals';
import type { Services } from './services';

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
}

/** What every resolver receives: the verified caller, this request's loaders, and the use cases' ports. */
export interface GraphQLContext {
  principal: Principal;
  loaders: Loaders;
  services: Services;
}
