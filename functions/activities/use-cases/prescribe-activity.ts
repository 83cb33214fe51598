import { canAccessCareRecord, type Principal } from '../../identity';
import type { ActivityPrescribed } from '../../shared/care-events';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { auditPrescription } from '../audit';
import type { Prescription } from '../entities/prescription';
import { canReadActivity } from '../policy';
import { parseIsoDate } from '../validation';
import type { PrescribingDeps } from './deps';

export interface PrescribeActivityInput {
  referralId: string;
  activityId: string;
  /** YYYY-MM-DD: when the person plans to start. */
  startDate: string;
}

/** Referral statuses in which activities may be prescribed: the person has said yes. */
export const PRESCRIBABLE_REFERRAL_STATUSES: readonly string[] = ['ACCEPTED', 'ACTIVE'];

/**
 * Primary course: a link worker connects an accepted referral to an ACTIVE activity of their ICB's directory. The
 * prescription is written with the referral's `activeActivityIds` in one transaction, conditional on the referral's
 * version, so a caseload row never shows an activity that was not prescribed, or misses one that was. The follow-up
 * engine hears of it (ActivityPrescribed) and schedules the baseline check-in.
 */
export async function prescribeActivity(
  deps: PrescribingDeps,
  principal: Principal,
  input: PrescribeActivityInput,
): Promise<Prescription> {
  const startDate = parseIsoDate(input.startDate, 'startDate');
  const referral = await deps.referrals.getReferralForPrescribing(input.referralId);
  if (!referral || !canAccessCareRecord(principal, referral)) throw new ForbiddenError();
  if (referral.erased) throw new ConflictError("The patient's data has been erased");
  if (!PRESCRIBABLE_REFERRAL_STATUSES.includes(referral.status)) {
    throw new ConflictError(
      `Activities can be prescribed only once the referral is accepted (it is ${referral.status})`,
    );
  }
  const activity = await deps.activities.get(input.activityId);
  if (!activity) throw new NotFoundError('Activity', input.activityId);
  if (!canReadActivity(principal, activity)) throw new ForbiddenError('That activity is outside your ICB');
  if (activity.status !== 'ACTIVE') throw new ConflictError(`Activity ${activity.activityId} is archived`);
  // One open prescription per activity per referral keeps `activeActivityIds` (a set) honest when one ends.
  if (referral.activeActivityIds.includes(activity.activityId)) {
    throw new ConflictError(`Activity ${activity.activityId} is already prescribed on this referral`);
  }

  const now = deps.clock.now().toISOString();
  const prescription: Prescription = {
    prescriptionId: deps.newId(),
    referralId: referral.referralId,
    patientId: referral.patientId,
    activityId: activity.activityId,
    providerOrganisationId: activity.providerOrganisationId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    startDate,
    status: 'PROPOSED',
    prescribedBy: principal.userId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const event: ActivityPrescribed = {
    type: 'ActivityPrescribed',
    referralId: referral.referralId,
    patientId: referral.patientId,
    prescriptionId: prescription.prescriptionId,
    activityId: activity.activityId,
    activityName: activity.name,
    activityVersion: activity.version,
    referralVersion: referral.version,
    at: now,
  };
  await deps.prescriptions.create(prescription, [
    deps.activities.unchangedCondition(activity.activityId, activity.version),
    ...deps.events.writesFor(event),
  ]);
  await auditPrescription(deps, principal, 'CREATE', 'prescribeActivity', prescription);
  await deps.events.publish(event);
  return prescription;
}
