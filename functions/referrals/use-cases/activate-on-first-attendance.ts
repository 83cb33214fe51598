import { ROLES, type Role } from '../../identity';
import type { FirstAttendanceRecorded } from '../../shared/care-events';
import { ConflictError } from '../../shared/errors';
import type { ReferralDeps } from '../access';
import type { ReferralEvent } from '../entities/referral-event';

const MAX_ATTEMPTS = 5;

/**
 * Primary course: the person came to the first session of an activity they were prescribed, so support is under way
 * and the referral moves ACCEPTED → ACTIVE, with a STATUS_CHANGED event whose actor is whoever recorded the attendance
 * (a provider or the link worker) and whose cause is FIRST_ATTENDANCE. A referral in any other status is left as it
 * is (already ACTIVE, or closed meanwhile). Conditional on the version read, and tried again when another change got
 * in first, so it never overwrites one; running it again changes nothing.
 */
export async function activateOnFirstAttendance(
  deps: Pick<ReferralDeps, 'referrals' | 'newId'>,
  event: FirstAttendanceRecorded,
): Promise<void> {
  const actorRole: Role = (ROLES as readonly string[]).includes(event.actor.role)
    ? (event.actor.role as Role)
    : 'PROVIDER';
  for (let attempt = 1; ; attempt++) {
    const current = await deps.referrals.getReferral(event.referralId, { consistent: true });
    if (!current || current.erasedAt || current.status !== 'ACCEPTED') return;
    const change: ReferralEvent = {
      referralId: current.referralId,
      eventId: deps.newId(),
      kind: 'STATUS_CHANGED',
      at: event.at,
      actorUserId: event.actor.userId,
      actorRole,
      fromStatus: 'ACCEPTED',
      toStatus: 'ACTIVE',
      cause: 'FIRST_ATTENDANCE',
    };
    try {
      await deps.referrals.updateReferral(current, { status: 'ACTIVE' }, [change], event.at);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
