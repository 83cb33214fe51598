import type { Clock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import type { IdGenerator } from '../../shared/ids';
import type { Role, StaffUser } from '../entities/staff-user';
import type { IdentityRepository } from '../ports';
import { fitsRole, normaliseEmail, normaliseName, STAFF_SCOPES, staffScope } from '../staff-rules';

export interface RegisterStaffUserInput {
  role: Role;
  name: string;
  email: string;
  contactRoute?: string;
  /** Required for every role but ADMIN; an admin without one is a national administrator. */
  organisationId?: string;
  /** The identity provider's subject when known (Cognito `sub`); generated otherwise. */
  userId?: string;
}

/**
 * Primary course: seeds and imports add a member of staff with one role, scoped to one organisation whose kind suits
 * the role (a coordinator to a PCN, a commissioner to an ICB or PCN, and so on). Writes the staff record only; an
 * administrator's request goes through createStaffUser, which also opens the sign-in account.
 */
export async function registerStaffUser(
  deps: { identity: IdentityRepository; clock: Clock; newId: IdGenerator },
  input: RegisterStaffUserInput,
): Promise<StaffUser> {
  const name = normaliseName(input.name);
  const email = normaliseEmail(input.email);

  const user: StaffUser = {
    userId: input.userId ?? deps.newId(),
    role: input.role,
    name,
    email,
    contactRoute: input.contactRoute,
    active: true,
    createdAt: deps.clock.now().toISOString(),
  };
  if (input.organisationId === undefined) {
    if (input.role !== 'ADMIN')
      throw new ValidationError('organisationId', `a ${input.role} must belong to an organisation`);
  } else {
    const organisation = await deps.identity.getOrganisation(input.organisationId);
    if (!organisation || !fitsRole(input.role, organisation)) {
      throw new ValidationError(
        'organisationId',
        `a ${input.role} must belong to an existing ${STAFF_SCOPES[input.role].join(' or ')}`,
      );
    }
    Object.assign(user, staffScope(organisation));
  }
  await deps.identity.createStaffUser(user);
  return user;
}
