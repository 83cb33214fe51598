import type { Principal } from '../../identity';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { DisclosurePolicy } from '../disclosure';
import type { OrganisationDirectory } from '../ports';
import { NATIONAL_SCOPE, type Scope } from '../vocabulary';

export interface ScopeInput {
  icbId?: string | null;
  pcnId?: string | null;
  practiceId?: string | null;
}

export interface ResolvedScope {
  scope: Scope;
  /** The organisation's name, for display (undefined for national). */
  name?: string;
  /** The organisation's ODS code, when registered. */
  odsCode?: string;
  policy: DisclosurePolicy;
}

/**
 * Who may see which figures. Commissioners see their own ICB (and its PCNs and practices) or, when their
 * organisation is a PCN, that PCN (and its practices); an ICB administrator the same as an ICB commissioner; an
 * unscoped administrator anything, including national figures. Nobody else sees figures. Everything below national
 * level is disclosure-controlled for everyone; national figures (unscoped admins only) are exempt. A scope that is
 * unknown or outside the caller's reach is refused the same way, so a refusal never reveals that it exists.
 */
export async function resolveFigureScope(
  deps: { organisations: Pick<OrganisationDirectory, 'getOrganisation'> },
  principal: Principal,
  input: ScopeInput | null | undefined,
): Promise<ResolvedScope> {
  if (principal.role !== 'COMMISSIONER' && principal.role !== 'ADMIN') {
    throw new ForbiddenError('Outcome figures are for commissioners and administrators');
  }
  const given = (['icbId', 'pcnId', 'practiceId'] as const).filter((field) => input?.[field]);
  if (given.length > 1) throw new ValidationError('scope', 'give one of icbId, pcnId or practiceId');
  const nationalAdmin = principal.role === 'ADMIN' && principal.icbId === undefined;
  if (given.length === 0) {
    if (!nationalAdmin) throw new ForbiddenError('National figures are for national administrators only');
    return { scope: NATIONAL_SCOPE, policy: 'EXEMPT' };
  }
  const field = given[0]!;
  const id = input![field]!;
  const kind = ({ icbId: 'ICB', pcnId: 'PCN', practiceId: 'PRACTICE' } as const)[field];
  const organisation = await deps.organisations.getOrganisation(id);
  if (!organisation || organisation.kind !== kind) throw new ForbiddenError();
  if (!nationalAdmin) {
    if (!principal.icbId || organisation.icbId !== principal.icbId) throw new ForbiddenError();
    if (principal.pcnId) {
      // A PCN-level caller: their PCN or its practices, never the ICB as a whole.
      const pcnOf = kind === 'PCN' ? organisation.organisationId : organisation.pcnId;
      if (kind === 'ICB' || pcnOf !== principal.pcnId) throw new ForbiddenError();
    }
  }
  return { scope: { kind, id }, name: organisation.name, odsCode: organisation.odsCode, policy: 'CONTROLLED' };
}
