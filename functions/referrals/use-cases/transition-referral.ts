import type { Principal } from '../../identity';
import { ConflictError, ValidationError } from '../../shared/errors';
import { assertCanAccessReferral, assertCareRole, assertNotErased, auditAccess, type ReferralDeps } from '../access';
import type { Referral } from '../entities/referral';
import type { ReferralEvent } from '../entities/referral-event';
import type { ReferralChanges } from '../ports';
import { assertLegalTransition, CONTACT_STATUSES, caseStateOf, snomedCodeFor, TERMINAL_STATUSES } from '../transitions';
import { nonEmptyId, oneOf, optionalText } from '../validation';
import { REFERRAL_STATUSES, type ReferralStatus } from '../vocabulary';

export interface TransitionReferralInput {
  referralId: string;
  to: ReferralStatus;
  /** Why (e.g. why declined); free text, removed on erasure. */
  reason?: string;
  /** The version the caller last saw; a stale one is a CONFLICT rather than a silent overwrite. */
  expectedVersion?: number;
}

export const REASON_MAX = 2000;

/**
 * Primary course: the link worker moves a referral along its lifecycle after a contact (CONTACTED, ACCEPTED, …) or
 * closes it. Only transitions in the table are allowed; the change is conditional on the version read, so two people
 * acting at once cannot both win. Accepting and declining record their SNOMED CT concept on the event. A final status
 * is announced (ReferralEnded) so nothing more is sent about the referral; the referral is then returned as it is
 * after those reactions (closing its check-ins moves its next check-in and version, which the client sends back).
 */
export async function transitionReferral(
  deps: ReferralDeps,
  principal: Principal,
  input: TransitionReferralInput,
): Promise<Referral> {
  assertCareRole(principal);
  const referralId = nonEmptyId(input.referralId, 'referralId');
  const to = oneOf(input.to, REFERRAL_STATUSES, 'to');
  const reason = optionalText(input.reason, 'reason', REASON_MAX, { multiline: true });
  if (input.expectedVersion !== undefined && !Number.isInteger(input.expectedVersion)) {
    throw new ValidationError('expectedVersion', 'must be a whole number');
  }

  const current = assertCanAccessReferral(principal, await deps.referrals.getReferral(referralId));
  assertNotErased(current);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new ConflictError(
      `Referral ${referralId} has changed since you loaded it (version ${input.expectedVersion}, now ${current.version})`,
    );
  }
  assertLegalTransition(current.status, to);

  const at = deps.clock.now().toISOString();
  const caseState = caseStateOf(to);
  const snomedCode = snomedCodeFor(to);
  const changes: ReferralChanges = { status: to, caseState };
  if (CONTACT_STATUSES.includes(to)) {
    changes.lastContactAt = at;
    changes.lastContactSort = at;
  }
  if (caseState === 'CLOSED') changes.closedAt = at;
  if (snomedCode) changes.snomedCodes = [...(current.snomedCodes ?? []), snomedCode];
  const event: ReferralEvent = {
    referralId,
    eventId: deps.newId(),
    kind: 'STATUS_CHANGED',
    at,
    actorUserId: principal.userId,
    actorRole: principal.role,
    fromStatus: current.status,
    toStatus: to,
    reason,
    snomedCode,
  };
  const updated = await deps.referrals.updateReferral(current, changes, [event], at);
  await auditAccess(deps, principal, 'UPDATE', 'transitionReferral', {
    patientId: current.patientId,
    entityType: 'referral',
    entityId: referralId,
  });
  if (!TERMINAL_STATUSES.includes(to)) return updated;
  await deps.events.publish({ type: 'ReferralEnded', referralId, patientId: current.patientId, status: to, at });
  return (await deps.referrals.getReferral(referralId, { consistent: true })) ?? updated;
}
