import { canAccessCareRecord, type Principal } from '../../identity';
import type { PrescriptionEnded } from '../../shared/care-events';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { auditPrescription } from '../audit';
import { OPEN_PRESCRIPTION_STATUSES, type Prescription } from '../entities/prescription';
import type { PrescriptionEnding } from '../ports';
import type { PrescribingDeps } from './deps';

export interface EndPrescriptionInput {
  prescriptionId: string;
  status: PrescriptionEnding['status'];
  /** The version the link worker saw; given, a concurrent change makes this fail with ConflictError. */
  expectedVersion?: number;
}

const ENDINGS: readonly string[] = ['COMPLETED', 'STOPPED'];

/**
 * Primary course: the link worker records that the person completed the activity, or stopped going. In one
 * transaction the prescription ends and its activity leaves the referral's `activeActivityIds`.
 */
export async function endPrescription(
  deps: Pick<PrescribingDeps, 'prescriptions' | 'referrals' | 'audit' | 'clock' | 'events'>,
  principal: Principal,
  input: EndPrescriptionInput,
): Promise<Prescription> {
  if (!ENDINGS.includes(input.status)) throw new ValidationError('status', 'must be COMPLETED or STOPPED');
  const prescription = await deps.prescriptions.get(input.prescriptionId);
  const referral = prescription ? await deps.referrals.getReferralForPrescribing(prescription.referralId) : undefined;
  if (!prescription || !referral || !canAccessCareRecord(principal, referral)) throw new ForbiddenError();
  if (prescription.erasedAt) throw new ConflictError("The patient's data has been erased");
  if (!OPEN_PRESCRIPTION_STATUSES.includes(prescription.status)) {
    throw new ConflictError(`The prescription has already ended (${prescription.status})`);
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== prescription.version) {
    throw new ConflictError('The prescription was changed by someone else; reload and try again');
  }
  const ending: PrescriptionEnding = {
    status: input.status,
    endedAt: deps.clock.now().toISOString(),
    endedBy: principal.userId,
  };
  const event: PrescriptionEnded = {
    type: 'PrescriptionEnded',
    referralId: referral.referralId,
    prescriptionId: prescription.prescriptionId,
    activityId: prescription.activityId,
    referralVersion: referral.version,
    at: ending.endedAt,
  };
  await deps.prescriptions.end(prescription, ending, deps.events.writesFor(event));
  await auditPrescription(deps, principal, 'UPDATE', 'endPrescription', prescription);
  await deps.events.publish(event);
  return { ...prescription, ...ending, updatedAt: ending.endedAt, version: prescription.version + 1 };
}
