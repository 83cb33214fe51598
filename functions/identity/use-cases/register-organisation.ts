import type { Clock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import type { IdGenerator } from '../../shared/ids';
import { requiredText } from '../../shared/text';
import { DEFAULT_NATION, isUkNation, type UkNation } from '../../shared/uk-nation';
import type { Organisation, OrganisationKind } from '../entities/organisation';
import { parseOdsCode } from '../ods-codes';
import type { IdentityRepository } from '../ports';

export interface RegisterOrganisationInput {
  kind: OrganisationKind;
  name: string;
  /** Checked against the kind's format (ods-codes.ts) and claimed: one organisation per code. */
  odsCode?: string;
  parentId?: string;
  /** Supplied by seeds and imports that keep ids from another system; generated otherwise. */
  organisationId?: string;
  /**
   * The UK nation, for an ICB (default England). Every other kind inherits its ICB's: giving a different one is a
   * ValidationError naming `nation`.
   */
  nation?: UkNation;
}

export interface OrganisationDeps {
  identity: IdentityRepository;
  clock: Clock;
  newId: IdGenerator;
}

/** Which kind of organisation each kind hangs under. ICBs are the top of the tree. */
export const PARENT_KIND: Record<OrganisationKind, OrganisationKind | undefined> = {
  ICB: undefined,
  PCN: 'ICB',
  PRACTICE: 'PCN',
  PROVIDER: 'ICB',
};

export const ORGANISATION_NAME_MAX = 200;

export function normaliseOrganisationName(value: unknown, field = 'name'): string {
  return requiredText(value, field, ORGANISATION_NAME_MAX);
}

/**
 * Primary course: an ICB, a PCN within it, a practice within that PCN, or an activity provider within an ICB is
 * registered. The new organisation records its ancestors so later scope checks need no tree walk, claims its ODS
 * code in the same write, and records its nation (the ICB's), which the follow-up engine copies onto each check-in for
 * the bank holidays of its window. Seeds, tests and the administrators' use cases (onboard-organisations.ts) come
 * through here; it checks the tree, not who is asking.
 */
export async function registerOrganisation(
  deps: OrganisationDeps,
  input: RegisterOrganisationInput,
): Promise<Organisation> {
  const name = normaliseOrganisationName(input.name);
  const odsCode = input.odsCode === undefined ? undefined : parseOdsCode(input.odsCode, input.kind);
  if (input.nation !== undefined && !isUkNation(input.nation)) {
    throw new ValidationError('nation', 'must be ENG, WLS, SCT or NIR');
  }
  const parentKind = PARENT_KIND[input.kind];
  const organisationId = input.organisationId ?? deps.newId();
  const base = { organisationId, kind: input.kind, name, odsCode, createdAt: deps.clock.now().toISOString() };

  let organisation: Organisation;
  if (parentKind === undefined) {
    if (input.parentId) throw new ValidationError('parentId', `an ${input.kind} has no parent organisation`);
    organisation = { ...base, icbId: organisationId, nation: input.nation ?? DEFAULT_NATION };
  } else {
    if (!input.parentId) throw new ValidationError('parentId', `a ${input.kind} must belong to a ${parentKind}`);
    const parent = await deps.identity.getOrganisation(input.parentId);
    if (!parent || parent.kind !== parentKind) {
      throw new ValidationError('parentId', `must be the id of an existing ${parentKind}`);
    }
    const nation = parent.nation ?? DEFAULT_NATION;
    if (input.nation !== undefined && input.nation !== nation) {
      throw new ValidationError('nation', `a ${input.kind} is in the nation of its ICB`);
    }
    organisation = {
      ...base,
      parentId: parent.organisationId,
      icbId: parent.icbId,
      pcnId: parent.kind === 'PCN' ? parent.organisationId : parent.pcnId,
      nation,
    };
  }
  await deps.identity.createOrganisation(organisation);
  return organisation;
}
