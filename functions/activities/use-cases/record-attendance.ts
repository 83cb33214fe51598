import { canAccessCareRecord, type Principal } from '../../identity';
import { toIsoDate } from '../../shared/clock';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { auditPrescription } from '../audit';
import { ATTENDANCE_STATUSES, type Attendance, type AttendanceStatus } from '../entities/attendance';
import { OPEN_PRESCRIPTION_STATUSES, type Prescription } from '../entities/prescription';
import { isActivityProvider } from '../policy';
import { parseIsoDate } from '../validation';
import type { PrescribingDeps } from './deps';

/** Attendance as shown to anyone, providers included: ids, dates and statuses, no referral or patient. */
export type AttendanceView = Omit<Attendance, 'referralId' | 'providerOrganisationId'>;

export function toAttendanceView(attendance: Attendance): AttendanceView {
  const { referralId: _referralId, providerOrganisationId: _provider, ...view } = attendance;
  return view;
}

export interface RecordAttendanceInput {
  prescriptionId: string;
  /** YYYY-MM-DD. */
  sessionDate: string;
  status: AttendanceStatus;
}

export interface RecordAttendanceResult {
  attendance: AttendanceView;
  /**
   * True when this is the prescription's first ATTENDED session: the prescription has just moved PROPOSED → STARTED,
   * and the follow-up engine schedules a check-in for the day after `attendance.sessionDate`.
   */
  firstAttendance: boolean;
  prescription: Pick<Prescription, 'prescriptionId' | 'referralId' | 'activityId' | 'status' | 'version'>;
}

/** A first attendance can race another; re-reading once or twice settles which one was first. */
const MAX_ATTEMPTS = 3;

/**
 * The link worker in scope, or the provider running the activity. Providers are checked on the prescription alone,
 * so the referral (clinical) is never read for them.
 */
export async function loadPrescriptionForAttendance(
  deps: Pick<PrescribingDeps, 'prescriptions' | 'referrals'>,
  principal: Principal,
  prescriptionId: string,
): Promise<Prescription> {
  const prescription = await deps.prescriptions.get(prescriptionId);
  if (!prescription) throw new ForbiddenError();
  if (isActivityProvider(principal, prescription)) return prescription;
  if (principal.role === 'PROVIDER') throw new ForbiddenError();
  const referral = await deps.referrals.getReferralForPrescribing(prescription.referralId);
  if (!referral || !canAccessCareRecord(principal, referral)) throw new ForbiddenError();
  return prescription;
}

/**
 * Primary course: after a session, the provider or the link worker records whether the person came. The first
 * ATTENDED session starts the prescription (in the same transaction) and is announced (FirstAttendanceRecorded), so
 * the follow-up engine schedules its check-ins.
 */
export async function recordAttendance(
  deps: Pick<PrescribingDeps, 'prescriptions' | 'referrals' | 'audit' | 'clock' | 'newId' | 'events'>,
  principal: Principal,
  input: RecordAttendanceInput,
): Promise<RecordAttendanceResult> {
  const sessionDate = parseIsoDate(input.sessionDate, 'sessionDate');
  if (!ATTENDANCE_STATUSES.includes(input.status)) {
    throw new ValidationError('status', `must be one of ${ATTENDANCE_STATUSES.join(', ')}`);
  }
  const now = deps.clock.now();
  if (input.status !== 'CANCELLED' && sessionDate > toIsoDate(now)) {
    throw new ValidationError('sessionDate', 'is in the future: only a cancellation can be recorded ahead');
  }
  const attendanceId = deps.newId();

  for (let attempt = 1; ; attempt++) {
    const prescription = await loadPrescriptionForAttendance(deps, principal, input.prescriptionId);
    if (prescription.erasedAt) throw new ConflictError("The patient's data has been erased");
    if (!OPEN_PRESCRIPTION_STATUSES.includes(prescription.status)) {
      throw new ConflictError(`The prescription has ended (${prescription.status})`);
    }
    const attendance: Attendance = {
      attendanceId,
      prescriptionId: prescription.prescriptionId,
      referralId: prescription.referralId,
      activityId: prescription.activityId,
      providerOrganisationId: prescription.providerOrganisationId,
      sessionDate,
      status: input.status,
      recordedBy: principal.userId,
      recordedAt: now.toISOString(),
    };
    const firstAttendance = input.status === 'ATTENDED' && prescription.firstAttendedOn === undefined;
    try {
      await deps.prescriptions.recordAttendance(
        attendance,
        firstAttendance ? { prescription, firstAttendedOn: sessionDate, updatedAt: attendance.recordedAt } : undefined,
      );
    } catch (error) {
      if (error instanceof ConflictError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    await auditPrescription(deps, principal, 'CREATE', 'recordAttendance', prescription, 'attendance', attendanceId);
    const { prescriptionId, referralId, activityId } = prescription;
    if (firstAttendance) {
      await deps.events.publish({
        type: 'FirstAttendanceRecorded',
        referralId,
        prescriptionId,
        activityId,
        sessionDate,
        at: attendance.recordedAt,
        actor: { userId: principal.userId, role: principal.role },
      });
    }
    return {
      attendance: toAttendanceView(attendance),
      firstAttendance,
      prescription: firstAttendance
        ? { prescriptionId, referralId, activityId, status: 'STARTED', version: prescription.version + 1 }
        : { prescriptionId, referralId, activityId, status: prescription.status, version: prescription.version },
    };
  }
}
