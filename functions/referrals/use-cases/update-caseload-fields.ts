import type { Clock } from '../../shared/clock';
import { ConflictError, NotFoundError } from '../../shared/errors';
import type { Referral } from '../entities/referral';
import type { ReferralRepository } from '../ports';
import { sortValue } from '../vocabulary';

/** The denormalised caseload fields other contexts keep in step. `null` clears a value. */
export interface CaseloadFieldChanges {
  /** Next scheduled check-in (checkins context); `null` when none is scheduled. */
  nextCheckIn?: { at: string; checkInId: string } | null;
  /** A contact happened (a reply, a call): moves `lastContactAt` forward, never back. */
  contactAt?: string;
  /** A worrying reply raised a concern (`true`), or the link worker acknowledged it (`false`). */
  concernOpen?: boolean;
  /** Latest outcome values by `<instrument>.<item>`; merged into what is stored, newest `measuredAt` wins. */
  outcomes?: Referral['latestOutcomes'];
}

const ATTEMPTS = 5;

/**
 * For the checkins and outcomes contexts (system actions, no principal): updates a referral's caseload fields and
 * the index keys built from them, conditional on the version read, re-reading and retrying when a concurrent change
 * got there first. Call this instead of writing `nextCheckInAt`/`lastContactAt` directly, or the caseload sort keys
 * drift from the values.
 */
export async function updateReferralCaseloadFields(
  deps: { referrals: ReferralRepository; clock: Clock },
  referralId: string,
  changes: CaseloadFieldChanges,
): Promise<Referral> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.referrals.getReferral(referralId);
    if (!current) throw new NotFoundError('referral', referralId);
    const at = deps.clock.now().toISOString();
    const next: Parameters<ReferralRepository['updateReferral']>[1] = {};
    if (changes.nextCheckIn !== undefined) {
      next.nextCheckInAt = changes.nextCheckIn?.at;
      next.nextCheckInId = changes.nextCheckIn?.checkInId;
      next.nextCheckInSort = sortValue(changes.nextCheckIn?.at);
    }
    if (changes.contactAt !== undefined && (!current.lastContactAt || changes.contactAt > current.lastContactAt)) {
      next.lastContactAt = changes.contactAt;
      next.lastContactSort = changes.contactAt;
    }
    if (changes.concernOpen !== undefined && changes.concernOpen !== current.concernOpen) {
      next.concernOpen = changes.concernOpen;
      next.concernRaisedAt = changes.concernOpen ? at : undefined;
    }
    if (changes.outcomes) {
      const merged = { ...(current.latestOutcomes ?? {}) };
      for (const [key, value] of Object.entries(changes.outcomes)) {
        if (!merged[key] || merged[key].measuredAt <= value.measuredAt) merged[key] = value;
      }
      next.latestOutcomes = merged;
    }
    try {
      return await deps.referrals.updateReferral(current, next, [], at);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
