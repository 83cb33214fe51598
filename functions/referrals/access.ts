import { type AuditAction, type AuditLog, recordAccess } from '../audit';
import { type CareScope, canAccessCareRecord, type Principal } from '../identity';
import type { CareEventPublisher } from '../platform/care-event-bus';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError } from '../shared/errors';
import type { IdGenerator } from '../shared/ids';
import type { Patient } from './entities/patient';
import type { Referral } from './entities/referral';
import { type MobileClaimedError, MobileInUseError } from './errors';
import type { CareRecordStore, ConcernRepository, ReferralRepository, StaffDirectory } from './ports';

/** What every use case of this context is given. */
export interface ReferralDeps {
  referrals: ReferralRepository;
  concerns: ConcernRepository;
  careRecords: CareRecordStore;
  staff: StaffDirectory;
  audit: AuditLog;
  events: CareEventPublisher;
  clock: Clock;
  newId: IdGenerator;
}

/** Roles that work with care records at all; commissioners and providers see only aggregate figures. */
export const CARE_ROLES = ['LINK_WORKER', 'COORDINATOR', 'ADMIN'] as const;

export function assertCareRole(principal: Principal): void {
  if (!(CARE_ROLES as readonly string[]).includes(principal.role)) throw new ForbiddenError();
}

export function referralScope(referral: Referral): CareScope {
  return {
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    linkWorkerId: referral.linkWorkerId,
  };
}

/** The referral, if the caller may see it; a missing referral gets the same ForbiddenError as a foreign one. */
export function assertCanAccessReferral(principal: Principal, referral: Referral | undefined): Referral {
  if (!referral || !canAccessCareRecord(principal, referralScope(referral))) throw new ForbiddenError();
  return referral;
}

/** Erased records keep their anonymous skeleton for figures, and take no more changes. */
export function assertNotErased(record: { erasedAt?: string }): void {
  if (record.erasedAt) throw new ConflictError("The patient's data has been erased");
}

/**
 * A patient is visible through any referral the caller may see. Coordinators and administrators also see a patient
 * registered in their scope (e.g. before any referral, or when creating a further one); link workers only through a
 * referral, so a link worker never reads a patient who is on someone else's caseload.
 */
export function canAccessPatient(principal: Principal, patient: Patient, referrals: readonly Referral[]): boolean {
  if (referrals.some((referral) => canAccessCareRecord(principal, referralScope(referral)))) return true;
  if (principal.role === 'LINK_WORKER') return false;
  return canAccessCareRecord(principal, { icbId: patient.icbId, pcnId: patient.pcnId, practiceId: patient.practiceId });
}

/** Loads a patient and their referrals (two requests), throwing ForbiddenError unless the caller may see them. */
export async function loadPatientInScope(
  deps: Pick<ReferralDeps, 'referrals'>,
  principal: Principal,
  patientId: string,
): Promise<{ patient: Patient; referrals: Referral[] }> {
  assertCareRole(principal);
  const [patient, referrals] = await Promise.all([
    deps.referrals.getPatient(patientId),
    deps.referrals.listPatientReferrals(patientId),
  ]);
  if (!patient || !canAccessPatient(principal, patient, referrals)) throw new ForbiddenError();
  return { patient, referrals };
}

/**
 * The typed refusal for a mobile another patient holds as SMS contact (MobileClaimedError from the repository),
 * naming that patient only when the caller may see them (see MobileInUseError).
 */
export async function mobileInUse(
  deps: Pick<ReferralDeps, 'referrals'>,
  principal: Principal,
  error: MobileClaimedError,
  field: string,
): Promise<MobileInUseError> {
  const holderId = error.holderPatientId;
  if (holderId) {
    const [holder, referrals] = await Promise.all([
      deps.referrals.getPatient(holderId),
      deps.referrals.listPatientReferrals(holderId),
    ]);
    if (holder && !holder.erasedAt && canAccessPatient(principal, holder, referrals)) {
      return new MobileInUseError(field, holderId);
    }
  }
  return new MobileInUseError(field);
}

/** Records that `principal` did `action` to a patient's record. Ids only. */
export function auditAccess(
  deps: Pick<ReferralDeps, 'audit' | 'clock'>,
  principal: Principal,
  action: AuditAction,
  operation: string,
  target: { patientId: string; entityType: 'patient' | 'referral' | 'concern'; entityId: string },
): Promise<void> {
  return recordAccess(deps, principal, action, operation, target);
}
