import type { Principal } from '../../identity';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { assertCanAccessReferral, assertCareRole, assertNotErased, auditAccess, type ReferralDeps } from '../access';
import type { Referral } from '../entities/referral';
import { nonEmptyId } from '../validation';
import { moveOpenConcerns } from './concerns';

export interface AssignReferralInput {
  referralId: string;
  linkWorkerId: string;
  expectedVersion?: number;
}

/**
 * Primary course: a coordinator (or administrator) gives a referral to a link worker of its PCN, or a link worker
 * picks an unassigned referral of their PCN up for themselves. The referral moves between caseloads (its caseload
 * keys change) and an ASSIGNED event records who did it.
 */
export async function assignReferral(
  deps: ReferralDeps,
  principal: Principal,
  input: AssignReferralInput,
): Promise<Referral> {
  assertCareRole(principal);
  const referralId = nonEmptyId(input.referralId, 'referralId');
  const linkWorkerId = nonEmptyId(input.linkWorkerId, 'linkWorkerId');

  const current = assertCanAccessReferral(principal, await deps.referrals.getReferral(referralId));
  assertNotErased(current);
  if (principal.role === 'LINK_WORKER') {
    // canAccessCareRecord let a link worker see it: it is theirs, or unassigned in their PCN.
    if (linkWorkerId !== principal.userId || current.linkWorkerId !== undefined) {
      throw new ForbiddenError('A link worker may only pick up an unassigned referral for themselves');
    }
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new ConflictError(`Referral ${referralId} has changed since you loaded it`);
  }
  if (current.caseState === 'CLOSED')
    throw new ConflictError(`Referral ${referralId} is ${current.status}: it cannot be reassigned`);
  if (current.linkWorkerId === linkWorkerId) return current;

  const worker = await deps.staff.getStaffUser(linkWorkerId);
  if (worker?.role !== 'LINK_WORKER' || !worker.active || worker.pcnId !== current.pcnId) {
    throw new ValidationError('linkWorkerId', "must be an active link worker of the referral's PCN");
  }

  const at = deps.clock.now().toISOString();
  const updated = await deps.referrals.updateReferral(
    current,
    { linkWorkerId, caseloadOwner: linkWorkerId },
    [
      {
        referralId,
        eventId: deps.newId(),
        kind: 'ASSIGNED',
        at,
        actorUserId: principal.userId,
        actorRole: principal.role,
        fromLinkWorkerId: current.linkWorkerId,
        toLinkWorkerId: linkWorkerId,
      },
    ],
    at,
  );
  // Its unresolved concerns follow it, so the new link worker sees them among their own.
  await moveOpenConcerns(deps, updated, at);
  await auditAccess(deps, principal, 'UPDATE', 'assignReferral', {
    patientId: current.patientId,
    entityType: 'referral',
    entityId: referralId,
  });
  return updated;
}
