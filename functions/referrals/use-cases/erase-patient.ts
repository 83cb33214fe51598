import type { Principal } from '../../identity';
import { ForbiddenError } from '../../shared/errors';
import { auditAccess, loadPatientInScope, type ReferralDeps } from '../access';
import { nonEmptyId } from '../validation';

/** Erasure is for administrators only (of the patient's ICB, or national): the one rule, here, in the schema and docs. */
export const ERASURE_ROLES: readonly string[] = ['ADMIN'];

export interface ErasePatientResult {
  patientId: string;
  erasedAt: string;
  /** Referrals kept as anonymised skeletons (status, dates, age band, needs, outcome values). */
  referralIds: string[];
}

/**
 * Primary course: the person exercises the right to erasure (UK GDPR art. 17) and an administrator (of the patient's
 * ICB, or a national one) carries it out. Name, NHS number (and its claim), date of birth, sex, ethnicity, mobile, accessibility needs, the
 * referrer's note, event reasons, conversation notes and goal descriptions are removed. Kept, without anything that
 * identifies the person: the referral skeletons with their statuses, dates, needs, age band at referral and outcome
 * values, so commissioners' figures do not change. Running it again does nothing more.
 *
 * Not covered here: check-in messages and activity data held by other contexts (they erase their own, keyed by
 * patientId) and the audit trail, which holds ids only.
 */
export async function erasePatient(
  deps: ReferralDeps,
  principal: Principal,
  input: { patientId: string },
): Promise<ErasePatientResult> {
  if (!ERASURE_ROLES.includes(principal.role)) throw new ForbiddenError();
  const { patient, referrals } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  const referralIds = referrals.map((referral) => referral.referralId);
  if (patient.erasedAt) return { patientId: patient.patientId, erasedAt: patient.erasedAt, referralIds };

  const erasedAt = deps.clock.now().toISOString();
  await deps.referrals.erasePatient(patient, referrals, erasedAt);
  await auditAccess(deps, principal, 'ERASE', 'erasePatient', {
    patientId: patient.patientId,
    entityType: 'patient',
    entityId: patient.patientId,
  });
  await deps.events.publish({ type: 'PatientErased', patientId: patient.patientId, referralIds, at: erasedAt });
  return { patientId: patient.patientId, erasedAt, referralIds };
}
