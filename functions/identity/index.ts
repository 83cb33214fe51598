/**
 * The identity context's front door: organisations (ICB → PCN → practice, and providers), staff users, the
 * principal a request acts as, and the care-scope rule every context applies. Other contexts import from here only.
 */
export { DynamoDbIdentityRepository } from './adapters/dynamodb-identity-repository';
export { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from './entities/organisation';
export { ROLES, type Role, type StaffUser } from './entities/staff-user';
export type { IdentityRepository } from './ports';
export { type CareScope, canAccessCareRecord, type Principal } from './principal';
export { type RegisterOrganisationInput, registerOrganisation } from './use-cases/register-organisation';
export { type RegisterStaffUserInput, registerStaffUser } from './use-cases/register-staff-user';
