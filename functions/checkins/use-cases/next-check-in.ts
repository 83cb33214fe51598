import type { ReferralVersionSeen } from '../../shared/care-events';
import type { CheckIn } from '../entities/check-in';
import type { CheckInDeps } from '../ports';

/** Not yet started: nothing has been sent, so it is still "the next check-in" on the caseload. */
export function isUpcoming(checkIn: CheckIn): boolean {
  return checkIn.status === 'WAITING' && checkIn.questionIndex === 0 && !checkIn.introSent;
}

/**
 * Works out the referral's next check-in from the patient's check-ins (the earliest one not yet started) and
 * announces it (NextCheckInChanged), so the caseload row shows it. Called by every use case that schedules, starts,
 * cancels or closes a check-in.
 */
export async function refreshNextCheckIn(
  deps: Pick<CheckInDeps, 'checkIns' | 'events' | 'clock'>,
  referral: { referralId: string; patientId: string },
  /** The referral as the caller last read it, which saves reading it again when still current. */
  seen?: ReferralVersionSeen,
): Promise<void> {
  const checkIns = await deps.checkIns.listByPatient(referral.patientId);
  const upcoming = checkIns
    .filter((checkIn) => checkIn.referralId === referral.referralId && isUpcoming(checkIn))
    .map((checkIn) => ({
      checkInId: checkIn.checkInId,
      at: checkIn.dueAt ?? checkIn.scheduledFor,
      scheduledFor: checkIn.scheduledFor,
      wave: checkIn.wave,
    }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.checkInId.localeCompare(b.checkInId));
  await deps.events.publish({
    type: 'NextCheckInChanged',
    referralId: referral.referralId,
    next: upcoming[0],
    ...(seen ? { seen } : {}),
    at: deps.clock.now().toISOString(),
  });
}
