import type { Organisation } from './entities/organisation';
import type { StaffUser } from './entities/staff-user';

export interface IdentityRepository {
  /** Creates the organisation; throws ConflictError if the id is taken. */
  createOrganisation(organisation: Organisation): Promise<void>;
  getOrganisation(organisationId: string): Promise<Organisation | undefined>;
  listChildOrganisations(parentId: string): Promise<Organisation[]>;
  /** Creates the staff user; throws ConflictError if the id is taken. */
  createStaffUser(user: StaffUser): Promise<void>;
  getStaffUser(userId: string): Promise<StaffUser | undefined>;
  getStaffUsers(userIds: readonly string[]): Promise<StaffUser[]>;
  listStaffByOrganisation(organisationId: string): Promise<StaffUser[]>;
}
