import type { KeyPage } from '../../platform/dynamodb/key-paging';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { parseIdInput } from '../../shared/ids';
import type { Organisation } from '../entities/organisation';
import type { StaffUser } from '../entities/staff-user';
import type { IdentityRepository } from '../ports';
import type { Principal } from '../principal';

/*
 * The lookups forms need before they can name an organisation or a colleague: the PCNs and practices the caller may
 * act for, and the link workers of a PCN. Each answers with one page of one index (keyset paging), in name order.
 * Nothing here is patient data, but scope still applies: an ICB's organisation tree and its staff list are its own.
 */

export interface DirectoryPageInput {
  first: number;
  /** A position from an earlier page of the same list. */
  after?: string;
}

type DirectoryDeps = { identity: IdentityRepository };

function page(input: DirectoryPageInput) {
  return { first: input.first, ...(input.after !== undefined ? { after: input.after } : {}) };
}

/**
 * Primary course: a member of staff picks a PCN. Link workers, coordinators and PCN commissioners get their own PCN;
 * administrators and ICB commissioners the PCNs of their ICB (a national administrator names the ICB).
 */
export async function listPcns(
  deps: DirectoryDeps,
  principal: Principal,
  input: DirectoryPageInput & { icbId?: string },
): Promise<KeyPage<Organisation>> {
  if (principal.role === 'PROVIDER') throw new ForbiddenError();
  const icbId = input.icbId === undefined ? principal.icbId : parseIdInput(input.icbId, 'icbId');
  if (icbId === undefined) throw new ValidationError('icbId', 'name the ICB whose PCNs to list');
  if (principal.icbId !== undefined && icbId !== principal.icbId) throw new ForbiddenError();
  // Staff of one PCN act for that PCN only: the same index, kept to the one organisation.
  const only = principal.role === 'ADMIN' || principal.pcnId === undefined ? undefined : principal.pcnId;
  return deps.identity.pageChildOrganisations({
    parentId: icbId,
    kind: 'PCN',
    ...(only ? { only } : {}),
    ...page(input),
  });
}

/**
 * Primary course: a member of staff picks the practice a referral comes from. Link workers and coordinators get the
 * practices of their PCN (the practices createReferral accepts from them); administrators and commissioners name a
 * PCN within their scope.
 */
export async function listPractices(
  deps: DirectoryDeps,
  principal: Principal,
  input: DirectoryPageInput & { pcnId?: string },
): Promise<KeyPage<Organisation>> {
  const pcnId = await pcnInScope(deps, principal, input.pcnId, ['LINK_WORKER', 'COORDINATOR', 'ADMIN', 'COMMISSIONER']);
  return deps.identity.pageChildOrganisations({ parentId: pcnId, kind: 'PRACTICE', ...page(input) });
}

/**
 * Primary course: a coordinator (or a link worker, or an administrator) picks a link worker of a PCN to assign a
 * referral to. Active link workers only: an inactive one cannot be given referrals.
 */
export async function listLinkWorkers(
  deps: DirectoryDeps,
  principal: Principal,
  input: DirectoryPageInput & { pcnId?: string },
): Promise<KeyPage<StaffUser>> {
  const pcnId = await pcnInScope(deps, principal, input.pcnId, ['LINK_WORKER', 'COORDINATOR', 'ADMIN']);
  return deps.identity.pageActiveStaffOfPcn({ pcnId, role: 'LINK_WORKER', ...page(input) });
}

/**
 * The PCN a list is about: the caller's own by default; another only for an administrator or commissioner whose
 * scope holds it. A PCN that does not exist reads the same as one outside the caller's scope (FORBIDDEN).
 */
async function pcnInScope(
  deps: DirectoryDeps,
  principal: Principal,
  requested: string | undefined,
  roles: readonly Principal['role'][],
): Promise<string> {
  if (!roles.includes(principal.role)) throw new ForbiddenError();
  const pcnId = requested === undefined ? principal.pcnId : parseIdInput(requested, 'pcnId');
  if (pcnId === undefined) throw new ValidationError('pcnId', 'name the PCN');
  if (pcnId === principal.pcnId) return pcnId;
  if (principal.pcnId !== undefined && principal.role !== 'ADMIN') throw new ForbiddenError();
  const pcn = await deps.identity.getOrganisation(pcnId);
  const inScope = pcn?.kind === 'PCN' && (principal.icbId === undefined || pcn.icbId === principal.icbId);
  if (!inScope) throw new ForbiddenError();
  return pcnId;
}
