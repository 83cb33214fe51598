import type { Principal } from '../identity';
import type { Activity } from './entities/activity';

/*
 * Who may do what with the activities directory. Directory data is not patient data: every role may read the
 * activities of its own ICB. Writing is narrower: an ICB's administrators, a PCN's coordinators for the PCN's own
 * directory, and a provider for the activities its organisation runs.
 */

type ActivityScope = Pick<Activity, 'icbId' | 'pcnId' | 'providerOrganisationId'>;

/** May this person see this activity in the directory? */
export function canReadActivity(principal: Principal, activity: Pick<Activity, 'icbId'>): boolean {
  if (principal.role === 'ADMIN' && principal.icbId === undefined) return true;
  return principal.icbId !== undefined && principal.icbId === activity.icbId;
}

/** May this person create, edit, archive or unarchive this activity, and see who it is prescribed to (ids only)? */
export function canManageActivity(principal: Principal, activity: ActivityScope): boolean {
  switch (principal.role) {
    case 'ADMIN':
      return principal.icbId === undefined || principal.icbId === activity.icbId;
    case 'COORDINATOR':
      return principal.pcnId !== undefined && principal.pcnId === activity.pcnId;
    case 'PROVIDER':
      return principal.organisationId !== undefined && principal.organisationId === activity.providerOrganisationId;
    case 'LINK_WORKER':
    case 'COMMISSIONER':
      return false;
  }
}

/** The provider organisation that runs the activity, and only it (providers never see clinical records). */
export function isActivityProvider(principal: Principal, scope: { providerOrganisationId: string }): boolean {
  return (
    principal.role === 'PROVIDER' &&
    principal.organisationId !== undefined &&
    principal.organisationId === scope.providerOrganisationId
  );
}
