import type { Clock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import type { IdGenerator } from '../../shared/ids';
import type { OrganisationKind } from '../entities/organisation';
import type { Role, StaffUser } from '../entities/staff-user';
import type { IdentityRepository } from '../ports';

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

/** The organisation kinds each role may be scoped to. */
const SCOPES: Record<Role, readonly OrganisationKind[]> = {
  LINK_WORKER: ['PCN', 'PRACTICE'],
  COORDINATOR: ['PCN'],
  COMMISSIONER: ['ICB', 'PCN'],
  PROVIDER: ['PROVIDER'],
  ADMIN: ['ICB'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Primary course: an administrator adds a member of staff with one role, scoped to one organisation whose kind suits
 * the role (a coordinator to a PCN, a commissioner to an ICB or PCN, and so on).
 */
export async function registerStaffUser(
  deps: { identity: IdentityRepository; clock: Clock; newId: IdGenerator },
  input: RegisterStaffUserInput,
): Promise<StaffUser> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new ValidationError('name', 'must be 1 to 200 characters');
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new ValidationError('email', 'must be an e-mail address');

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
    const allowed = SCOPES[input.role];
    if (!organisation || !allowed.includes(organisation.kind)) {
      throw new ValidationError('organisationId', `a ${input.role} must belong to an existing ${allowed.join(' or ')}`);
    }
    user.organisationId = organisation.organisationId;
    user.icbId = organisation.icbId;
    user.pcnId = organisation.kind === 'PCN' ? organisation.organisationId : organisation.pcnId;
    user.practiceId = organisation.kind === 'PRACTICE' ? organisation.organisationId : undefined;
  }
  await deps.identity.createStaffUser(user);
  return user;
}
