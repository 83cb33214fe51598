/*
 * The identity context's public surface: organisations (ICB → PCN → practice, and activity providers), staff and their
 * sign-in accounts, and the principal every other context's scope checks take. GraphQL resolvers, scripts and other
 * contexts import from here only.
 */
export {
  CognitoSignInAccounts,
  type CognitoSignInAccountsOptions,
  ORGANISATION_CLAIM,
  SIGN_IN_ACCOUNT_ACTIONS,
} from './adapters/cognito-sign-in-accounts';
export { DynamoDbIdentityRepository } from './adapters/dynamodb-identity-repository';
export { type LocalAccountAnnouncer, LocalSignInAccounts } from './adapters/local-sign-in-accounts';
export { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from './entities/organisation';
export { ROLES, type Role, type StaffUser } from './entities/staff-user';
export { OdsCodeTakenError, SignInAccountExistsError } from './errors';
export { isOdsCodeOf, parseOdsCode } from './ods-codes';
export type { IdentityRepository, SignInAccess, SignInAccount, SignInAccounts, StaffChangeLog } from './ports';
export { type CareScope, canAccessCareRecord, type Principal } from './principal';
export { STAFF_SCOPES } from './staff-rules';
export { type CreateStaffUserInput, createStaffUser } from './use-cases/create-staff-user';
export { type DirectoryPageInput, listLinkWorkers, listPcns, listPractices } from './use-cases/directory';
export {
  type ImportedRow,
  type ImportProblem,
  type ImportReport,
  importOrganisations,
  type OrganisationRow,
} from './use-cases/import-organisations';
export {
  type CreateOrganisationInput,
  createOrganisation,
  NHS_ORGANISATION_KINDS,
  type NhsOrganisationKind,
  type UpdateOrganisationInput,
  updateOrganisation,
} from './use-cases/onboard-organisations';
export {
  type OrganisationDeps,
  type RegisterOrganisationInput,
  registerOrganisation,
} from './use-cases/register-organisation';
export { type RegisterStaffUserInput, registerStaffUser } from './use-cases/register-staff-user';
export { deactivateStaffUser, reactivateStaffUser } from './use-cases/set-staff-user-active';
export { realignAccount, type StaffAdministrationDeps } from './use-cases/staff-administration';
export { type UpdateStaffUserInput, updateStaffUser } from './use-cases/update-staff-user';
