import type { Clock } from '../../shared/clock';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { Role, StaffUser } from '../entities/staff-user';
import type { IdentityRepository, SignInAccess, SignInAccounts, StaffChangeLog } from '../ports';
import type { Principal } from '../principal';
import { fitsRole, STAFF_SCOPES, type StaffScope, staffScope } from '../staff-rules';

/*
 * What every staff administration use case shares. Two stores hold a member of staff: the sign-in directory (who can
 * get a token, with which role claim) and the staff record (what functions/graphql/auth.ts checks every token
 * against). The staff record is the truth; the steps are ordered so access is granted by the last write and removed
 * by the first, and after a failure the account is brought back in line with whatever the record then says
 * (docs/decisions/0006-staff-provisioning.md).
 */

export interface StaffAdministrationDeps {
  identity: IdentityRepository;
  accounts: SignInAccounts;
  clock: Clock;
  log: StaffChangeLog;
}

/** Only administrators manage staff. */
export function assertAdmin(principal: Principal): void {
  if (principal.role !== 'ADMIN') throw new ForbiddenError();
}

/** A national administrator (no ICB) manages everyone; an ICB administrator only staff within their ICB. */
export function administers(principal: Principal, icbId: string | undefined): boolean {
  return principal.icbId === undefined || (icbId !== undefined && icbId === principal.icbId);
}

/** The staff user, if the caller administers them; a missing user gets the same ForbiddenError as a foreign one. */
export async function loadManagedStaffUser(
  deps: Pick<StaffAdministrationDeps, 'identity'>,
  principal: Principal,
  userId: string,
): Promise<StaffUser> {
  assertAdmin(principal);
  const user = await deps.identity.getStaffUser(userId);
  if (!user || !administers(principal, user.icbId)) throw new ForbiddenError();
  return user;
}

/**
 * The scope a new or changed staff user gets: the organisation must exist, suit the role and lie within the caller's
 * ICB. Not found, wrong kind and out of scope read the same, so the answer reveals nothing about other ICBs.
 */
export async function resolveStaffScope(
  deps: Pick<StaffAdministrationDeps, 'identity'>,
  principal: Principal,
  role: Role,
  organisationId: string | undefined,
): Promise<StaffScope> {
  if (organisationId === undefined) {
    if (role !== 'ADMIN') throw new ValidationError('organisationId', `a ${role} must belong to an organisation`);
    if (principal.icbId !== undefined) {
      throw new ForbiddenError('Only a national administrator can make another national administrator');
    }
    return staffScope(undefined);
  }
  const organisation = await deps.identity.getOrganisation(organisationId);
  if (!organisation || !fitsRole(role, organisation) || !administers(principal, organisation.icbId)) {
    throw new ValidationError(
      'organisationId',
      `a ${role} must belong to an existing ${STAFF_SCOPES[role].join(' or ')} that you administer`,
    );
  }
  return staffScope(organisation);
}

export function accessOf(user: Pick<StaffUser, 'role' | 'organisationId'>): SignInAccess {
  return { role: user.role, ...(user.organisationId ? { organisationId: user.organisationId } : {}) };
}

/** Error names along the cause chain (`ElectroError < InternalServerError`): enough to act on, never a message. */
export function errorName(error: unknown): string {
  const names: string[] = [];
  for (let current = error; current && names.length < 5; current = (current as { cause?: unknown }).cause) {
    names.push((current as { name?: string }).name ?? typeof current);
  }
  return names.join(' < ') || 'unknown';
}

/**
 * After a step failed: makes the sign-in account agree with the staff record as it now stands (no record: no
 * account; otherwise its role, organisation and active state). Never throws: when this fails too, the two disagree,
 * which functions/graphql/auth.ts refuses, and the log says which user an administrator should retry.
 */
export async function realignAccount(deps: StaffAdministrationDeps, userId: string, cause: unknown): Promise<void> {
  try {
    const [record, account] = await Promise.all([
      deps.identity.getStaffUser(userId),
      deps.accounts.findAccount(userId),
    ]);
    if (!account) return;
    if (!record) {
      await deps.accounts.deleteAccount(userId);
      deps.log.info('Sign-in account removed after its staff record could not be written', {
        userId,
        error: errorName(cause),
      });
      return;
    }
    const access = accessOf(record);
    if (
      account.roles.length !== 1 ||
      account.roles[0] !== access.role ||
      account.organisationId !== access.organisationId
    ) {
      await deps.accounts.setAccess(userId, access);
    }
    if (account.enabled !== record.active) {
      await (record.active ? deps.accounts.enable(userId) : deps.accounts.disable(userId));
    }
    deps.log.info('Sign-in account realigned with its staff record after a failed change', {
      userId,
      error: errorName(cause),
    });
  } catch (realignError) {
    deps.log.error('Sign-in account and staff record disagree; the API refuses this user until a retry succeeds', {
      userId,
      error: errorName(cause),
      realignError: errorName(realignError),
    });
  }
}
