import type { KeyPage } from '../platform/dynamodb/key-paging';
import type { Organisation, OrganisationKind } from './entities/organisation';
import type { Role, StaffUser } from './entities/staff-user';

export interface IdentityRepository {
  /**
   * Creates the organisation and, when it has an ODS code, claims the code, in one transaction. Throws
   * OdsCodeTakenError if the code is registered already, ConflictError if the id is taken; then nothing is written.
   */
  createOrganisation(organisation: Organisation): Promise<void>;
  getOrganisation(organisationId: string): Promise<Organisation | undefined>;
  /** The organisation registered under this ODS code (upper case), if any. */
  findOrganisationByOdsCode(odsCode: string): Promise<Organisation | undefined>;
  /**
   * Replaces the organisation with `next` if it is still at `expectedVersion` (undefined: not changed since it was
   * created). Throws ConflictError when it has changed or is gone.
   */
  replaceOrganisation(next: Organisation, expectedVersion: number | undefined): Promise<void>;
  listChildOrganisations(parentId: string): Promise<Organisation[]>;
  /** A page of the organisations of one kind under a parent, by name (keyset paging; `only` keeps one id). */
  pageChildOrganisations(query: ChildOrganisationsQuery): Promise<KeyPage<Organisation>>;
  /** Creates the staff user; throws ConflictError if the id is taken. */
  createStaffUser(user: StaffUser): Promise<void>;
  /**
   * Replaces the staff user with `next` if it is still at `expectedVersion` (undefined: not changed since it was
   * created). Throws ConflictError when it has changed or is gone, so two admins' edits never overwrite each other.
   */
  replaceStaffUser(next: StaffUser, expectedVersion: number | undefined): Promise<void>;
  getStaffUser(userId: string): Promise<StaffUser | undefined>;
  getStaffUsers(userIds: readonly string[]): Promise<StaffUser[]>;
  listStaffByOrganisation(organisationId: string): Promise<StaffUser[]>;
  /** A page of the active staff of one role in a PCN (scoped to it or to one of its practices), by name. */
  pageActiveStaffOfPcn(query: {
    pcnId: string;
    role: Role;
    first: number;
    after?: string;
  }): Promise<KeyPage<StaffUser>>;
}

export interface ChildOrganisationsQuery {
  parentId: string;
  kind: OrganisationKind;
  /** Only this organisation (a caller who may act for one PCN sees it as a list of one). */
  only?: string;
  first: number;
  /** A position from an earlier page of the same query. */
  after?: string;
}

/** What a sign-in account grants: one role group and, for everyone but a national admin, one organisation. */
export interface SignInAccess {
  role: Role;
  organisationId?: string;
}

/** A staff member's account in the sign-in directory, as the directory holds it. */
export interface SignInAccount {
  /** The token subject (Cognito `sub`), which is also the staff record's `userId`. */
  userId: string;
  email: string;
  enabled: boolean;
  /** The role groups the account is in; exactly one when the account is consistent. */
  roles: Role[];
  organisationId?: string;
}

/**
 * Where staff sign in: Cognito in AWS, a table-backed stand-in under `npm start`. It issues the token whose `sub`,
 * `cognito:groups` and `custom:organisationId` claims functions/graphql/auth.ts checks against the staff record.
 * Every method is idempotent, so a use case can repeat or undo a step after a failure.
 */
export interface SignInAccounts {
  /**
   * Creates an enabled account that signs in with `email`, in `access.role`'s group and scoped to its organisation;
   * returns the new account's subject. Leaves nothing behind if a step fails. Throws SignInAccountExistsError when
   * the e-mail already has an account.
   */
  createAccount(email: string, access: SignInAccess): Promise<{ userId: string }>;
  findAccount(userId: string): Promise<SignInAccount | undefined>;
  /** Puts the account in `access.role`'s group and no other role group, and sets or clears its organisation. */
  setAccess(userId: string, access: SignInAccess): Promise<void>;
  /** Stops the account signing in (and, in Cognito, revokes its sessions); does nothing if there is no account. */
  disable(userId: string): Promise<void>;
  enable(userId: string): Promise<void>;
  /** Removes the account; does nothing if it is already gone. Used only to undo a create that did not finish. */
  deleteAccount(userId: string): Promise<void>;
}

/** Where staff administration reports what it did: ids, roles and error names only, never names or e-mails. */
export interface StaffChangeLog {
  info(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}
