import { ForbiddenError } from '../../shared/errors';
import type { StaffUser } from '../entities/staff-user';
import type { Principal } from '../principal';
import { assertRole, normaliseContactRoute, normaliseName } from '../staff-rules';
import {
  accessOf,
  loadManagedStaffUser,
  realignAccount,
  resolveStaffScope,
  type StaffAdministrationDeps,
} from './staff-administration';

/** Fields left out stay as they are; `null` clears `contactRoute`, or makes an ADMIN national (`organisationId`). */
export interface UpdateStaffUserInput {
  userId: string;
  role?: string;
  organisationId?: string | null;
  name?: string;
  contactRoute?: string | null;
}

/**
 * Primary course: an administrator changes a member of staff's role, organisation, name or contact route. A new role
 * or organisation must suit each other and lie within the administrator's ICB; the sign-in account's group and
 * organisation claim change first and the staff record last, written only if nobody changed it since it was read.
 * If that write fails, the account is set back to what the record says. The user's current token stops working at
 * once (auth.ts compares it with the record); their next sign-in, or token refresh, carries the new role.
 */
export async function updateStaffUser(
  deps: StaffAdministrationDeps,
  principal: Principal,
  input: UpdateStaffUserInput,
): Promise<StaffUser> {
  const current = await loadManagedStaffUser(deps, principal, input.userId);

  const role = input.role ?? current.role;
  assertRole(role);
  const organisationId =
    input.organisationId === undefined ? current.organisationId : (input.organisationId ?? undefined);
  const accessChanges = role !== current.role || organisationId !== current.organisationId;
  if (accessChanges && current.userId === principal.userId) {
    throw new ForbiddenError('You cannot change your own role or organisation; ask another administrator');
  }
  const scope = accessChanges ? await resolveStaffScope(deps, principal, role, organisationId) : undefined;
  const name = input.name === undefined ? current.name : normaliseName(input.name);
  const contactRoute =
    input.contactRoute === undefined ? current.contactRoute : normaliseContactRoute(input.contactRoute);
  if (!scope && name === current.name && contactRoute === current.contactRoute) return current;

  const next: StaffUser = {
    ...current,
    role,
    name,
    contactRoute,
    ...scope,
    version: (current.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    if (accessChanges) await deps.accounts.setAccess(current.userId, accessOf(next));
    await deps.identity.replaceStaffUser(next, current.version);
  } catch (error) {
    if (accessChanges) await realignAccount(deps, current.userId, error);
    throw error;
  }
  deps.log.info('Staff user updated', {
    actorUserId: principal.userId,
    userId: next.userId,
    role: next.role,
    organisationId: next.organisationId,
    accessChanged: accessChanges,
  });
  return next;
}
