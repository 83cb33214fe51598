import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { IdentityRepository, Principal } from '../identity';
import { ROLES, type Role } from '../identity';
import { UnauthenticatedError } from '../shared/errors';
import { logger } from './logger';

/*
 * Threat model: the HTTP API's JWT authorizer has verified the token's signature, issuer, audience and expiry before
 * the Lambda runs, and it alone writes `requestContext.authorizer.jwt.claims`. Headers, query and body are the
 * caller's to forge, so identity is read from those claims and nowhere else. A claim set that is missing or odd means
 * the function was wired up wrongly: refuse, never fall back to "anonymous". Claims are only a pointer: the staff
 * record decides (it must exist, be active and agree on role and organisation), so revoking a user or changing their
 * role takes effect at once instead of when their token expires.
 */

export interface JwtClaims {
  sub: string;
  role: Role;
  organisationId?: string;
}

const REFUSED = 'A valid identity is required';

/** Why a request was refused; logged (ids only) but never sent, so callers learn nothing about our users. */
function refuse(reason: string, details: Record<string, unknown> = {}): never {
  logger.warn('Refused GraphQL request identity', { reason, ...details });
  throw new UnauthenticatedError(REFUSED);
}

/**
 * The roles in a `cognito:groups` claim. API Gateway flattens arrays into strings like `[LINK_WORKER]` or
 * `[A B]`; a direct invocation or another authorizer may send an array or a bare `LINK_WORKER`.
 */
export function parseGroupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(/[\s,]+/)
    .map((group) => group.replace(/^"|"$/g, ''))
    .filter((group) => group.length > 0);
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Reads and checks the authorizer's claims; throws UnauthenticatedError unless they name one user with one role. */
export function claimsFromEvent(event: unknown): JwtClaims {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer> | undefined)?.requestContext?.authorizer
    ?.jwt?.claims;
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) refuse('no JWT authorizer claims');

  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.trim() === '') refuse('claim sub missing');

  const groups = parseGroupsClaim(claims['cognito:groups']);
  const roles = [...new Set(groups.filter(isRole))];
  if (roles.length === 0) refuse('no role in cognito:groups', { userId: sub });
  if (roles.length > 1) refuse('more than one role in cognito:groups', { userId: sub });

  const organisation = claims['custom:organisationId'];
  if (organisation !== undefined && (typeof organisation !== 'string' || organisation.trim() === '')) {
    refuse('claim custom:organisationId malformed', { userId: sub });
  }
  return { sub, role: roles[0]!, ...(organisation ? { organisationId: organisation as string } : {}) };
}

/**
 * The caller as a Principal: claims from the authorizer, confirmed against the staff record, whose organisation
 * scope (ICB, PCN, practice) fills the principal. Throws UnauthenticatedError when any of that fails.
 */
export async function authenticate(
  event: unknown,
  identity: Pick<IdentityRepository, 'getStaffUser'>,
): Promise<Principal> {
  const claims = claimsFromEvent(event);
  const user = await identity.getStaffUser(claims.sub);
  if (!user) refuse('no staff user for token subject', { userId: claims.sub });
  // ElectroDB lower-cases key values, so the look-up above is case-insensitive: `LW-ASHA` finds `lw-asha`. A subject
  // is an exact identifier (Cognito's are lower-case UUIDs); only the record whose id is the claim itself may answer.
  if (user.userId !== claims.sub) refuse('token subject differs in case from the staff record', { userId: claims.sub });
  if (!user.active) refuse('staff user is inactive', { userId: claims.sub });
  if (user.role !== claims.role) refuse('token role differs from staff record', { userId: claims.sub });
  if ((user.organisationId ?? undefined) !== claims.organisationId) {
    refuse('token organisation differs from staff record', { userId: claims.sub });
  }
  return {
    userId: user.userId,
    role: user.role,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
    ...(user.icbId ? { icbId: user.icbId } : {}),
    ...(user.pcnId ? { pcnId: user.pcnId } : {}),
    ...(user.practiceId ? { practiceId: user.practiceId } : {}),
  };
}
