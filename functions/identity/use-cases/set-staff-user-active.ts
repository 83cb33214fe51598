import { ForbiddenError } from '../../shared/errors';
import type { StaffUser } from '../entities/staff-user';
import type { Principal } from '../principal';
import { errorName, loadManagedStaffUser, realignAccount, type StaffAdministrationDeps } from './staff-administration';

/**
 * Primary course: an administrator stops a member of staff using Linkwork (a leaver, a lost device). The staff record
 * is marked inactive first, which refuses their very next request; then the sign-in account is disabled, which
 * stops new sign-ins and revokes Cognito sessions. If disabling fails, the record stays inactive (access is never
 * handed back because a later step failed) and the error asks for a retry, which finishes the job.
 */
export async function deactivateStaffUser(
  deps: StaffAdministrationDeps,
  principal: Principal,
  userId: string,
): Promise<StaffUser> {
  const current = await loadManagedStaffUser(deps, principal, userId);
  if (current.userId === principal.userId) {
    throw new ForbiddenError('You cannot deactivate your own account; ask another administrator');
  }
  const next = current.active ? await writeActive(deps, current, false) : current;
  try {
    await deps.accounts.disable(userId);
  } catch (error) {
    deps.log.error('Staff user is inactive but their sign-in account could not be disabled; retry', {
      actorUserId: principal.userId,
      userId,
      error: errorName(error),
    });
    throw error;
  }
  deps.log.info('Staff user deactivated', { actorUserId: principal.userId, userId });
  return next;
}

/**
 * Primary course: an administrator lets a deactivated member of staff back in, with the role and organisation they
 * had. The sign-in account is enabled first and the staff record marked active last; if that write fails, the
 * account is disabled again.
 */
export async function reactivateStaffUser(
  deps: StaffAdministrationDeps,
  principal: Principal,
  userId: string,
): Promise<StaffUser> {
  const current = await loadManagedStaffUser(deps, principal, userId);
  await deps.accounts.enable(userId);
  let next = current;
  if (!current.active) {
    try {
      next = await writeActive(deps, current, true);
    } catch (error) {
      await realignAccount(deps, userId, error);
      throw error;
    }
  }
  deps.log.info('Staff user reactivated', { actorUserId: principal.userId, userId });
  return next;
}

async function writeActive(deps: StaffAdministrationDeps, current: StaffUser, active: boolean): Promise<StaffUser> {
  const next: StaffUser = {
    ...current,
    active,
    version: (current.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.identity.replaceStaffUser(next, current.version);
  return next;
}
