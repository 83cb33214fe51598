import { type AuditAction, recordAccess } from '../audit';
import type { Principal } from '../identity';
import type { Prescription } from './entities/prescription';
import type { PrescribingDeps } from './use-cases/deps';

/** Records on the patient's audit trail that `principal` did `action` to a prescription or its attendance. */
export function auditPrescription(
  deps: Pick<PrescribingDeps, 'audit' | 'clock'>,
  principal: Principal,
  action: AuditAction,
  operation: string,
  prescription: Pick<Prescription, 'prescriptionId' | 'patientId'>,
  entityType: 'prescription' | 'attendance' = 'prescription',
  entityId: string = prescription.prescriptionId,
): Promise<void> {
  return recordAccess(deps, principal, action, operation, {
    patientId: prescription.patientId,
    entityType,
    entityId,
  });
}
