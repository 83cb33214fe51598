import { ValidationError } from '../shared/errors';
import type { Organisation, OrganisationKind } from './entities/organisation';
import { ROLES, type Role, type StaffUser } from './entities/staff-user';

/** The organisation kinds each role may be scoped to. An ADMIN with no organisation is a national administrator. */
export const STAFF_SCOPES: Record<Role, readonly OrganisationKind[]> = {
  LINK_WORKER: ['PCN', 'PRACTICE'],
  COORDINATOR: ['PCN'],
  COMMISSIONER: ['ICB', 'PCN'],
  PROVIDER: ['PROVIDER'],
  ADMIN: ['ICB'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RFC 5321's limit on a forward path; Cognito's e-mail attribute allows no more either. */
const EMAIL_MAX = 254;

export function normaliseName(value: string, field = 'name'): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 200) throw new ValidationError(field, 'must be 1 to 200 characters');
  return name;
}

/** Lower case, so one address is one account whatever the capitals (the user pool signs in case-insensitively). */
export function normaliseEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length > EMAIL_MAX || !EMAIL.test(email)) throw new ValidationError(field, 'must be an e-mail address');
  return email;
}

/** A work number or team route shown to patients in HELP replies; blank clears it. */
export function normaliseContactRoute(value: string | null | undefined, field = 'contactRoute'): string | undefined {
  const route = value?.trim();
  if (!route) return undefined;
  if (route.length > 200) throw new ValidationError(field, 'must be at most 200 characters');
  return route;
}

export function assertRole(value: string, field = 'role'): asserts value is Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new ValidationError(field, `must be one of ${ROLES.join(', ')}`);
}

export function fitsRole(role: Role, organisation: Organisation): boolean {
  return STAFF_SCOPES[role].includes(organisation.kind);
}

/** The organisation and its ancestors as a staff record copies them, for one-comparison scope checks. */
export type StaffScope = Pick<StaffUser, 'organisationId' | 'icbId' | 'pcnId' | 'practiceId'>;

export function staffScope(organisation: Organisation | undefined): StaffScope {
  if (!organisation) return { organisationId: undefined, icbId: undefined, pcnId: undefined, practiceId: undefined };
  return {
    organisationId: organisation.organisationId,
    icbId: organisation.icbId,
    pcnId: organisation.kind === 'PCN' ? organisation.organisationId : organisation.pcnId,
    practiceId: organisation.kind === 'PRACTICE' ? organisation.organisationId : undefined,
  };
}
