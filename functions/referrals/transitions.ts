import { ConflictError } from '../shared/errors';
import { type CaseState, type ReferralStatus, SNOMED } from './vocabulary';

/**
 * The referral lifecycle, in one place. RECEIVED → CONTACTED → ACCEPTED → ACTIVE → CLOSED is the primary course;
 * DECLINED and UNABLE_TO_CONTACT are exits. Terminal statuses have no way out: a person who comes back gets a new
 * referral, so each episode keeps its own record and figures.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  RECEIVED: ['CONTACTED', 'UNABLE_TO_CONTACT', 'DECLINED'],
  CONTACTED: ['ACCEPTED', 'DECLINED', 'UNABLE_TO_CONTACT'],
  ACCEPTED: ['ACTIVE', 'CLOSED', 'DECLINED'],
  ACTIVE: ['CLOSED'],
  CLOSED: [],
  DECLINED: [],
  UNABLE_TO_CONTACT: [],
};

/** Statuses reached only by talking to the person: moving into one records a contact (`lastContactAt`). */
export const CONTACT_STATUSES: readonly ReferralStatus[] = ['CONTACTED', 'ACCEPTED'];

export const TERMINAL_STATUSES: readonly ReferralStatus[] = ['CLOSED', 'DECLINED', 'UNABLE_TO_CONTACT'];

export function isLegalTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Throws a ConflictError naming both statuses unless `from → to` is in the table. */
export function assertLegalTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (!isLegalTransition(from, to)) {
    const allowed = REFERRAL_TRANSITIONS[from];
    throw new ConflictError(
      `A referral cannot move from ${from} to ${to}` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
    );
  }
}

export function caseStateOf(status: ReferralStatus): CaseState {
  return TERMINAL_STATUSES.includes(status) ? 'CLOSED' : 'OPEN';
}

/** The SNOMED CT concept recorded on the event of moving into `to`, if any. */
export function snomedCodeFor(to: ReferralStatus): string | undefined {
  if (to === 'ACCEPTED') return SNOMED.referralToSocialPrescribing;
  if (to === 'DECLINED') return SNOMED.socialPrescribingDeclined;
  return undefined;
}
