import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { Organisation } from '../entities/organisation';
import { OdsCodeTakenError } from '../errors';
import { parseOdsCode } from '../ods-codes';
import type { Principal } from '../principal';
import {
  normaliseOrganisationName,
  type OrganisationDeps,
  PARENT_KIND,
  registerOrganisation,
} from './register-organisation';
import { administers, assertAdmin } from './staff-administration';

/** The NHS organisations onboarded by ODS code (activity providers are registered otherwise). */
export const NHS_ORGANISATION_KINDS = ['ICB', 'PCN', 'PRACTICE'] as const;
export type NhsOrganisationKind = (typeof NHS_ORGANISATION_KINDS)[number];

export function parseNhsOrganisationKind(value: unknown, field = 'kind'): NhsOrganisationKind {
  if (!(NHS_ORGANISATION_KINDS as readonly unknown[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${NHS_ORGANISATION_KINDS.join(', ')}`);
  }
  return value as NhsOrganisationKind;
}

export interface CreateOrganisationInput {
  kind: string;
  odsCode: string;
  name: string;
  /** The parent's ODS code: an ICB's for a PCN, a PCN's for a practice; none for an ICB. */
  parentOdsCode?: string;
}

/**
 * Primary course: an administrator onboards an NHS organisation by its ODS code: a national administrator an ICB, an
 * administrator a PCN within their ICB, or a practice within one of its PCNs (a national administrator anywhere).
 * Everything is checked before anything is read; the organisation and the claim on its ODS code are written together,
 * so a second organisation with the same code is refused (OdsCodeTakenError naming `odsCode`), even one created at
 * the same moment.
 */
export async function createOrganisation(
  deps: OrganisationDeps,
  principal: Principal,
  input: CreateOrganisationInput,
): Promise<Organisation> {
  assertAdmin(principal);
  const kind = parseNhsOrganisationKind(input.kind);
  const odsCode = parseOdsCode(input.odsCode, kind);
  const name = normaliseOrganisationName(input.name);
  const parentKind = PARENT_KIND[kind];
  const parentOdsCode = input.parentOdsCode === undefined ? undefined : input.parentOdsCode;
  if (parentKind === undefined) {
    if (parentOdsCode !== undefined) throw new ValidationError('parentOdsCode', 'an ICB has no parent organisation');
    if (principal.icbId !== undefined) throw new ForbiddenError('Only a national administrator can onboard an ICB');
  } else if (parentOdsCode === undefined) {
    throw new ValidationError('parentOdsCode', `a ${kind} must belong to a ${parentKind}: give its ODS code`);
  }

  let parentId: string | undefined;
  if (parentKind !== undefined) {
    const parent = await deps.identity.findOrganisationByOdsCode(
      parseOdsCode(parentOdsCode, parentKind, 'parentOdsCode'),
    );
    // Missing, of another kind, or outside the caller's ICB read the same.
    if (!parent || parent.kind !== parentKind || !administers(principal, parent.icbId)) {
      throw new ValidationError('parentOdsCode', `must be the ODS code of a ${parentKind} you administer`);
    }
    parentId = parent.organisationId;
  }
  if (await deps.identity.findOrganisationByOdsCode(odsCode)) throw new OdsCodeTakenError();
  return registerOrganisation(deps, { kind, odsCode, name, ...(parentId ? { parentId } : {}) });
}

export interface UpdateOrganisationInput {
  /** Which organisation: ODS codes never change, so they name it. */
  odsCode: string;
  name: string;
}

/**
 * Primary course: an administrator corrects the name of an organisation within their ICB (the ICB itself included;
 * a national administrator anywhere). Written only if nobody changed it since it was read (ConflictError otherwise).
 * A missing organisation and one outside the caller's ICB are the same FORBIDDEN. An organisation's parent is not
 * changed here: moving a practice to another PCN moves its patients, referrals and staff scopes too.
 */
export async function updateOrganisation(
  deps: OrganisationDeps,
  principal: Principal,
  input: UpdateOrganisationInput,
): Promise<Organisation> {
  assertAdmin(principal);
  // Any kind's code: the organisation, and so its kind, is not known until it is read.
  const odsCode = parseOdsCode(input.odsCode, 'PROVIDER');
  const name = normaliseOrganisationName(input.name);
  const current = await deps.identity.findOrganisationByOdsCode(odsCode);
  if (!current || !administers(principal, current.icbId)) throw new ForbiddenError();
  return renameOrganisation(deps, current, name);
}

/** The organisation with `name`, written if it differs (conditional on the version read). */
export async function renameOrganisation(
  deps: OrganisationDeps,
  current: Organisation,
  name: string,
): Promise<Organisation> {
  if (name === current.name) return current;
  const next: Organisation = {
    ...current,
    name,
    version: (current.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.identity.replaceOrganisation(next, current.version);
  return next;
}
