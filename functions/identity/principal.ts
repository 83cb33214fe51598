import type { Role } from './entities/staff-user';

/**
 * Who is calling, as established by a verified token (API Gateway's JWT authorizer in AWS, a locally signed JWT under
 * `npm start`). Built only by functions/graphql/auth.ts; nothing else in a request is trusted for identity.
 */
export interface Principal {
  userId: string;
  role: Role;
  /** Unset only for a national administrator. */
  organisationId?: string;
  icbId?: string;
  pcnId?: string;
  practiceId?: string;
}

/** The organisation scope of a patient-facing record: enough for every role's scope check. */
export interface CareScope {
  icbId: string;
  pcnId: string;
  practiceId: string;
  /** The link worker the referral is assigned to, if any. */
  linkWorkerId?: string;
}

/**
 * May this person see or change this patient's care record?
 * Link workers see their own caseload (and unassigned referrals of their PCN, to pick them up); coordinators their
 * whole PCN; admins their ICB or, unscoped, everything. Commissioners and providers never see clinical records.
 */
export function canAccessCareRecord(principal: Principal, scope: CareScope): boolean {
  switch (principal.role) {
    case 'LINK_WORKER':
      return (
        scope.linkWorkerId === principal.userId || (scope.linkWorkerId === undefined && scope.pcnId === principal.pcnId)
      );
    case 'COORDINATOR':
      return scope.pcnId === principal.pcnId;
    case 'ADMIN':
      return principal.icbId === undefined || scope.icbId === principal.icbId;
    case 'COMMISSIONER':
    case 'PROVIDER':
      return false;
  }
}
