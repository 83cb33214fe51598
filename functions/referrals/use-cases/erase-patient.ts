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
 * ICB, or a national one) carries it out.
 *
 * 1. The patient is marked erased first, with every identifying field (name, NHS number and its claim, date of birth,
 *    sex, ethnicity, mobile, accessibility needs) removed in the same write. From that moment every write to the
 *    patient is refused, so a racing `updatePatientContact` cannot put a mobile back.
 * 2. Each referral is marked erased, conditional on the version read, with its note, event reasons, conversation
 *    notes and goal descriptions removed; a note or reason written meanwhile moved the version, so it is re-read and
 *    erased too, and nothing can be written to the referral after.
 * 3. Each concern's note is removed (its dates, reasons and action taken stay); a resolution read before cannot land
 *    after, since erasing moves the concern's version.
 * 4. PatientErased is announced: the check-ins context removes the texts' words and cancels what was waiting to be
 *    sent; the activities context closes the prescriptions to further attendance.
 *
 * Kept, without anything that identifies the person: the referral skeletons with their statuses, dates, needs, age
 * band at referral and outcome values (so commissioners' figures do not change), and the audit trail (ids only).
 * Running it again finishes anything an interrupted run left, and changes nothing more.
 */
export async function erasePatient(
  deps: ReferralDeps,
  principal: Principal,
  input: { patientId: string },
): Promise<ErasePatientResult> {
  if (!ERASURE_ROLES.includes(principal.role)) throw new ForbiddenError();
  const { patient, referrals } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  const erasedAt = patient.erasedAt ?? deps.clock.now().toISOString();
  if (!patient.erasedAt) await deps.referrals.markPatientErased(patient, erasedAt);
  // Read again now no referral can be added: one created while we looked is on the patient's own list.
  const marked = await deps.referrals.getPatient(patient.patientId, { consistent: true });
  const referralIds = [
    ...new Set([...referrals.map((referral) => referral.referralId), ...(marked?.referralIds ?? [])]),
  ].sort();
  for (const referralId of referralIds) await deps.referrals.eraseReferral(referralId, erasedAt);
  // Concerns keep their dates, reasons and the action taken; the resolver's note goes.
  for (const concern of await deps.concerns.listForPatient(patient.patientId)) {
    if (!concern.erasedAt || concern.note !== undefined) await deps.concerns.erase(concern, erasedAt);
  }
  await deps.events.publish({ type: 'PatientErased', patientId: patient.patientId, referralIds, at: erasedAt });
  await auditAccess(deps, principal, 'ERASE', 'erasePatient', {
    patientId: patient.patientId,
    entityType: 'patient',
    entityId: patient.patientId,
  });
  return { patientId: patient.patientId, erasedAt, referralIds };
}
