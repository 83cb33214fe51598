import type { Principal } from '../../identity';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { AuditTrailPage, AuditTrailReader } from '../ports';

export const AUDIT_TRAIL_MAX_PAGE = 100;

/** Where a patient belongs, for an ICB administrator's scope check. */
export interface PatientScopeLookup {
  getPatient(patientId: string): Promise<{ icbId: string } | undefined>;
}

export interface GetAuditTrailInput {
  patientId: string;
  first?: number;
  after?: string;
}

/**
 * Primary course: an administrator asks who has read or changed a patient's record (a subject access request, an
 * investigation); they get the events in time order, a page at a time. Only administrators, and an ICB administrator
 * only for patients of their ICB; anything else is FORBIDDEN, whether or not the patient exists.
 */
export async function getAuditTrail(
  deps: { auditTrail: AuditTrailReader; patients: PatientScopeLookup },
  principal: Principal,
  input: GetAuditTrailInput,
): Promise<AuditTrailPage> {
  if (principal.role !== 'ADMIN') throw new ForbiddenError();
  const first = input.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > AUDIT_TRAIL_MAX_PAGE) {
    throw new ValidationError('first', `must be a whole number from 1 to ${AUDIT_TRAIL_MAX_PAGE}`);
  }
  if (principal.icbId !== undefined) {
    const patient = await deps.patients.getPatient(input.patientId);
    if (!patient || patient.icbId !== principal.icbId) throw new ForbiddenError();
  }
  return deps.auditTrail.listByPatient(input.patientId, first, input.after);
}
