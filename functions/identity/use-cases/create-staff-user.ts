import { ValidationError } from '../../shared/errors';
import type { StaffUser } from '../entities/staff-user';
import { SignInAccountExistsError } from '../errors';
import type { SignInAccess } from '../ports';
import type { Principal } from '../principal';
import { assertRole, normaliseContactRoute, normaliseEmail, normaliseName } from '../staff-rules';
import {
  accessOf,
  assertAdmin,
  errorName,
  realignAccount,
  resolveStaffScope,
  type StaffAdministrationDeps,
} from './staff-administration';

export interface CreateStaffUserInput {
  email: string;
  name: string;
  /** One of ROLES; checked here too, since not every caller is typed. */
  role: string;
  /** Required for every role but ADMIN; an ADMIN without one is a national administrator. */
  organisationId?: string;
  contactRoute?: string;
}

/**
 * Primary course: an administrator adds a member of staff. The input is checked, the sign-in account is opened in
 * the role's group with the organisation claim (Cognito e-mails an invitation), and then the staff record is
 * written, which is what lets the new user's token through. If the record cannot be written, the account is
 * removed again, so a failure leaves neither half.
 *
 * An account whose e-mail has no staff record is what an interrupted create leaves behind (the function stopped
 * before it could clean up): it is taken over and finished, so a retry always succeeds.
 */
export async function createStaffUser(
  deps: StaffAdministrationDeps,
  principal: Principal,
  input: CreateStaffUserInput,
): Promise<StaffUser> {
  assertAdmin(principal);
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  const contactRoute = normaliseContactRoute(input.contactRoute);
  assertRole(input.role);
  const role = input.role;
  const scope = await resolveStaffScope(deps, principal, role, input.organisationId);

  const access = accessOf({ role, organisationId: scope.organisationId });
  const userId = await openAccount(deps, principal, email, access);
  const user: StaffUser = {
    userId,
    role,
    name,
    email,
    contactRoute,
    ...scope,
    active: true,
    createdAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.identity.createStaffUser(user);
  } catch (error) {
    await realignAccount(deps, userId, error);
    throw error;
  }
  deps.log.info('Staff user created', {
    actorUserId: principal.userId,
    userId,
    role,
    organisationId: user.organisationId,
  });
  return user;
}

async function openAccount(
  deps: StaffAdministrationDeps,
  principal: Principal,
  email: string,
  access: SignInAccess,
): Promise<string> {
  try {
    return (await deps.accounts.createAccount(email, access)).userId;
  } catch (error) {
    if (!(error instanceof SignInAccountExistsError)) throw error;
    if (await deps.identity.getStaffUser(error.userId)) {
      throw new ValidationError('email', 'already belongs to a member of staff');
    }
    deps.log.info('Finishing a sign-in account that an unfinished create left behind', {
      actorUserId: principal.userId,
      userId: error.userId,
      error: errorName(error),
    });
    await deps.accounts.setAccess(error.userId, access);
    await deps.accounts.enable(error.userId);
    return error.userId;
  }
}
