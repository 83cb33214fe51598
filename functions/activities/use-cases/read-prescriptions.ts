import type { Principal } from '../../identity';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import { auditPrescription } from '../audit';
import { PRESCRIPTION_STATUSES, type Prescription, type PrescriptionStatus } from '../entities/prescription';
import { canManageActivity } from '../policy';
import type { PrescribingDeps } from './deps';
import { type AttendanceView, loadPrescriptionForAttendance, toAttendanceView } from './record-attendance';

/** What a provider may know about a prescription of their activity: no patient, referral or practice. */
export type ProviderPrescriptionView = Pick<
  Prescription,
  'prescriptionId' | 'activityId' | 'startDate' | 'status' | 'firstAttendedOn'
>;

export interface ActivityPrescriptions {
  activityId: string;
  counts: Record<PrescriptionStatus, number>;
  /** Oldest start date first. */
  prescriptions: ProviderPrescriptionView[];
}

/**
 * Primary course: a provider sees how many people have been prescribed their activity and where each stands, to
 * record attendance against. Also open to the activity's coordinators and administrators.
 */
export async function listPrescriptionsForActivity(
  deps: Pick<PrescribingDeps, 'activities' | 'prescriptions'>,
  principal: Principal,
  activityId: string,
): Promise<ActivityPrescriptions> {
  const activity = await deps.activities.get(activityId);
  if (!activity) throw new NotFoundError('Activity', activityId);
  if (!canManageActivity(principal, activity)) throw new ForbiddenError();
  const prescriptions = await deps.prescriptions.listForActivity(activityId);
  const counts = Object.fromEntries(PRESCRIPTION_STATUSES.map((status) => [status, 0])) as Record<
    PrescriptionStatus,
    number
  >;
  for (const prescription of prescriptions) counts[prescription.status] += 1;
  return {
    activityId,
    counts,
    prescriptions: prescriptions.map(({ prescriptionId, startDate, status, firstAttendedOn }) => ({
      prescriptionId,
      activityId,
      startDate,
      status,
      ...(firstAttendedOn === undefined ? {} : { firstAttendedOn }),
    })),
  };
}

/** Attendance of one prescription, in session order: for the link worker in scope or the activity's provider. */
export async function listAttendance(
  deps: Pick<PrescribingDeps, 'prescriptions' | 'referrals' | 'audit' | 'clock'>,
  principal: Principal,
  prescriptionId: string,
): Promise<AttendanceView[]> {
  const prescription = await loadPrescriptionForAttendance(deps, principal, prescriptionId);
  const attendance = (await deps.prescriptions.listAttendance(prescriptionId)).map(toAttendanceView);
  await auditPrescription(deps, principal, 'READ', 'listAttendance', prescription, 'attendance', prescriptionId);
  return attendance;
}
