import { canAccessCareRecord, type Principal } from '../../identity';
import { ConflictError, ForbiddenError } from '../../shared/errors';
import { auditAccess, type ReferralDeps } from '../access';
import { type Patient, patientLookupKeys } from '../entities/patient';
import { nonEmptyId } from '../validation';

export interface MovePatientInput {
  patientId: string;
  /** The GP practice the person is now registered with. */
  practiceId: string;
}

/** Who may move a patient: administrators within their ICB (national ones anywhere), coordinators within their PCN. */
export const MOVE_PATIENT_ROLES: readonly string[] = ['ADMIN', 'COORDINATOR'];

/**
 * Primary course: the person registered with another GP practice, and an administrator (or, within one PCN, its
 * coordinator) records the move. Both the practice the patient is registered at now and the new one must be in the
 * caller's scope, so nobody can pull a patient into their own scope from outside it. Referrals keep the practice
 * that referred them (an episode belongs where it started); new referrals are made at the new practice. Audited.
 */
export async function movePatient(deps: ReferralDeps, principal: Principal, input: MovePatientInput): Promise<Patient> {
  if (!MOVE_PATIENT_ROLES.includes(principal.role)) throw new ForbiddenError();
  const patientId = nonEmptyId(input.patientId, 'patientId');
  const practiceId = nonEmptyId(input.practiceId, 'practiceId');

  const patient = await deps.referrals.getPatient(patientId);
  if (!patient || !canAccessCareRecord(principal, registrationOf(patient))) throw new ForbiddenError();
  if (patient.erasedAt) throw new ConflictError("The patient's data has been erased");
  const practice = await deps.staff.getOrganisation(practiceId);
  if (practice?.kind !== 'PRACTICE' || !practice.pcnId) throw new ForbiddenError(undefined, 'practiceId');
  const target = { icbId: practice.icbId, pcnId: practice.pcnId, practiceId: practice.organisationId };
  if (!canAccessCareRecord(principal, target)) throw new ForbiddenError(undefined, 'practiceId');
  if (patient.practiceId === target.practiceId) return patient;

  const at = deps.clock.now().toISOString();
  // The name lookup keys hold the PCN and ICB, so they move with the patient.
  const moved = await deps.referrals.updatePatient(patient, {
    ...target,
    ...patientLookupKeys({ ...patient, ...target }),
    updatedAt: at,
  });
  await auditAccess(deps, principal, 'UPDATE', 'movePatient', {
    patientId,
    entityType: 'patient',
    entityId: patientId,
  });
  return moved;
}

function registrationOf(patient: Patient) {
  return { icbId: patient.icbId, pcnId: patient.pcnId, practiceId: patient.practiceId };
}
