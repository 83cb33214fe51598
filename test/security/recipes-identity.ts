import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { Organisation } from '../../functions/identity/entities/organisation';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import { createIdGenerator } from '../../functions/shared/ids';
import {
  ADMINS,
  ALL_PLACES,
  CARE,
  type CellContext,
  NOTHING_FOUND,
  PATIENT_FIELDS,
  type Policy,
  placeOf,
  type Recipe,
  targetPatient,
} from './recipe';
import { type CallerName, newPatientDetails, type PlaceName, type ScopeName, type World } from './world';

/*
 * Recipes for onboarding and staff administration (issue 14). Policy, from the schema's descriptions:
 * - createOrganisation: administrators; an ICB administrator onboards practices of PCNs of their ICB. A parent
 *   outside the caller's ICB, or one nobody registered, is BAD_USER_INPUT naming `parentOdsCode` (documented).
 * - updateOrganisation: administrators, for organisations within their ICB; FORBIDDEN otherwise, also for a code
 *   nobody registered.
 * - createStaffUser: administrators, for an organisation within their ICB; one outside it (or none) is BAD_USER_INPUT
 *   naming `organisationId` (documented).
 * - updateStaffUser, deactivateStaffUser, reactivateStaffUser: administrators, for staff within their ICB; FORBIDDEN
 *   otherwise, also for an id that names nobody.
 * The world's organisations have no ODS codes, so each place gets a PCN with one (under the place's ICB; ODS
 * operations are scoped by ICB), made once per world; each place also gets a member of staff to aim at. A cell that
 * is allowed gets a new member of staff of its own, so no cell depends on another's changes.
 */

interface IdentityFixtures {
  pcns: Partial<Record<PlaceName, Organisation>>;
  staff: Partial<Record<PlaceName, StaffUser>>;
  codes: number;
}

const fixtures = new WeakMap<World, IdentityFixtures>();

function fixturesOf(world: World): IdentityFixtures {
  let found = fixtures.get(world);
  if (!found) {
    found = { pcns: {}, staff: {}, codes: 0 };
    fixtures.set(world, found);
  }
  return found;
}

function depsOf(world: World) {
  return { identity: new DynamoDbIdentityRepository(world.h.store), clock: world.h.clock, newId: createIdGenerator() };
}

/** A number no other code of this world has used (ODS codes and e-mail addresses). */
function nextNumber(world: World): number {
  const state = fixturesOf(world);
  state.codes += 1;
  return state.codes;
}

const pcnCode = (n: number) => `U${String(70_000 + n).padStart(5, '0')}`;
const practiceCode = (n: number) => `P${String(70_000 + n).padStart(5, '0')}`;
/** A PCN code nobody registers. */
const UNREGISTERED_PCN = 'U99999';

/** The PCN with an ODS code under `place`'s ICB, made on first use. */
async function odsPcn(world: World, place: PlaceName): Promise<Organisation> {
  const state = fixturesOf(world);
  const existing = state.pcns[place];
  if (existing) return existing;
  const made = await registerOrganisation(depsOf(world), {
    kind: 'PCN',
    name: `Onboarded PCN ${place}`,
    parentId: world.places[place].icb.organisationId,
    odsCode: pcnCode(nextNumber(world)),
  });
  state.pcns[place] = made;
  return made;
}

/** A new link worker of `place`'s PCN (allowed cells), or the place's one target (refused cells), made on first use. */
async function staffTarget(context: CellContext, inactive = false): Promise<string> {
  const { world, scope, allowed } = context;
  if (scope === 'missing') return world.missingId;
  const state = fixturesOf(world);
  const shared = state.staff[scope];
  if (shared && !allowed) return shared.userId;
  const n = nextNumber(world);
  const user = await registerStaffUser(depsOf(world), {
    role: 'LINK_WORKER',
    name: `Probe Worker ${n}`,
    email: `probe.worker.${n}@example.nhs.uk`,
    organisationId: world.places[scope].pcn.organisationId,
  });
  if (inactive) await depsOf(world).identity.replaceStaffUser({ ...user, active: false, version: 1 }, undefined);
  if (!allowed) state.staff[scope] = user;
  return user.userId;
}

/** Outside the caller's ICB, or naming nothing: the documented BAD_USER_INPUT, or FORBIDDEN for non-administrators. */
const badInputOutside = (scope: ScopeName): readonly string[] =>
  scope === 'otherIcb' || scope === 'missing' ? ['FORBIDDEN', 'BAD_USER_INPUT'] : ['FORBIDDEN'];

function staffStatusRecipe(field: 'deactivateStaffUser' | 'reactivateStaffUser'): Recipe {
  return {
    document: `mutation Probe($userId: ID!) { ${field}(userId: $userId) { id active } }`,
    may: ADMINS,
    prepare: async (context) => ({
      variables: { userId: await staffTarget(context, field === 'reactivateStaffUser') },
      targets: [],
    }),
  };
}

export const IDENTITY_MUTATION_RECIPES: Record<string, Recipe> = {
  createOrganisation: {
    document: `mutation Probe($input: CreateOrganisationInput!) {
      createOrganisation(input: $input) { id kind name odsCode parent { id } }
    }`,
    may: ADMINS,
    refusalCodes: badInputOutside,
    prepare: async ({ world, scope }) => {
      const parentOdsCode = scope === 'missing' ? UNREGISTERED_PCN : (await odsPcn(world, scope)).odsCode;
      const odsCode = practiceCode(nextNumber(world));
      return {
        variables: { input: { kind: 'PRACTICE', odsCode, name: 'Probe Surgery', parentOdsCode } },
        targets: [],
      };
    },
  },

  updateOrganisation: {
    document: `mutation Probe($input: UpdateOrganisationInput!) {
      updateOrganisation(input: $input) { id name odsCode }
    }`,
    may: ADMINS,
    prepare: async ({ world, scope }) => {
      const odsCode = scope === 'missing' ? UNREGISTERED_PCN : (await odsPcn(world, scope)).odsCode;
      return {
        variables: { input: { odsCode, name: `Renamed PCN ${nextNumber(world)}` } },
        targets: [],
      };
    },
  },

  createStaffUser: {
    document: `mutation Probe($input: CreateStaffUserInput!) {
      createStaffUser(input: $input) { id role email active organisation { id } }
    }`,
    may: ADMINS,
    refusalCodes: badInputOutside,
    prepare: async ({ world, scope }) => {
      const n = nextNumber(world);
      const organisationId = scope === 'missing' ? world.missingId : world.places[placeOf(scope)].pcn.organisationId;
      return {
        variables: {
          input: {
            email: `new.worker.${n}@example.nhs.uk`,
            name: `New Worker ${n}`,
            role: 'LINK_WORKER',
            organisationId,
          },
        },
        targets: [],
      };
    },
  },

  updateStaffUser: {
    document: `mutation Probe($input: UpdateStaffUserInput!) {
      updateStaffUser(input: $input) { id name contactRoute }
    }`,
    may: ADMINS,
    prepare: async (context) => ({
      variables: { input: { userId: await staffTarget(context), contactRoute: 'Surgery reception, 0113 496 0000' } },
      targets: [],
    }),
  },

  deactivateStaffUser: staffStatusRecipe('deactivateStaffUser'),
  reactivateStaffUser: staffStatusRecipe('reactivateStaffUser'),
};

/*
 * The lookups forms need (issue 14). Directory lookups, from the schema's descriptions:
 * - pcns(icbId): every role but PROVIDER, for their own ICB (staff of a PCN see theirs, a list of one); a national
 *   administrator names any ICB, and an ICB that does not exist is an empty list for them.
 * - practices(pcnId): link workers and coordinators their own PCN, administrators and commissioners the PCNs of their
 *   ICB, national administrators any PCN; a PCN that does not exist is FORBIDDEN.
 * - linkWorkers(pcnId): as practices, without commissioners.
 * Patient lookups show exactly whom `patient(id:)` would (canAccessPatient): the owning link worker, the PCN's
 * coordinator, the ICB's administrators, national administrators. Anyone else with a care role gets the answer for no
 * match (null, an empty page) and nothing is audited; other roles FORBIDDEN. The name search is FORBIDDEN to a
 * national administrator (no PCN or ICB to search in).
 */

const CARE_CALLERS: readonly CallerName[] = ['lw', 'lw2', 'coord', 'icbAdmin', 'natAdmin'];

/** Care roles find nothing; others are refused. */
const lookupRefusal = (_scope: ScopeName, caller: CallerName): readonly string[] =>
  CARE_CALLERS.includes(caller) ? [NOTHING_FOUND] : ['FORBIDDEN'];

function organisationFor({ world, scope }: CellContext, of: 'icb' | 'pcn'): string {
  return scope === 'missing' ? world.missingId : world.places[scope][of].organisationId;
}

const PCN_LEVEL = {
  lw: ['home'],
  lw2: ['home'],
  coord: ['home'],
  icbAdmin: ['home', 'otherPcn'],
  natAdmin: ALL_PLACES,
} satisfies Policy;

export const LOOKUP_RECIPES: Record<string, Recipe> = {
  pcns: {
    document: `query Pcns($icbId: ID) {
      pcns(icbId: $icbId, first: 50) { edges { cursor node { id kind name odsCode } } pageInfo { hasNextPage } }
    }`,
    may: {
      lw: ['home', 'otherPcn'],
      lw2: ['home', 'otherPcn'],
      coord: ['home', 'otherPcn'],
      icbAdmin: ['home', 'otherPcn'],
      commissioner: ['home', 'otherPcn'],
      natAdmin: [...ALL_PLACES, 'missing'],
    },
    prepare: async (context) => ({ variables: { icbId: organisationFor(context, 'icb') }, targets: [] }),
  },

  practices: {
    document: `query Practices($pcnId: ID) {
      practices(pcnId: $pcnId, first: 50) { edges { cursor node { id kind name parent { id } } } }
    }`,
    may: { ...PCN_LEVEL, commissioner: ['home', 'otherPcn'] },
    prepare: async (context) => ({ variables: { pcnId: organisationFor(context, 'pcn') }, targets: [] }),
  },

  linkWorkers: {
    document: `query LinkWorkers($pcnId: ID) {
      linkWorkers(pcnId: $pcnId, first: 50) { edges { cursor node { id name role active } } }
    }`,
    may: PCN_LEVEL,
    prepare: async (context) => ({ variables: { pcnId: organisationFor(context, 'pcn') }, targets: [] }),
  },

  patientByNhsNumber: {
    document: `query Lookup($nhsNumber: NhsNumber!) { patientByNhsNumber(nhsNumber: $nhsNumber) { ${PATIENT_FIELDS} } }`,
    may: CARE,
    refusalCodes: lookupRefusal,
    nothingFound: (answer) => answer === null,
    prepare: async (context) => {
      const patient = await targetPatient(context, {}, false);
      const nhsNumber = patient?.nhsNumber ?? newPatientDetails(context.world.nextSeed()).input.nhsNumber;
      return { variables: { nhsNumber }, targets: patient ? [patient] : [] };
    },
  },

  patientsByNameAndBirthDate: {
    document: `query Search($familyName: String!, $dateOfBirth: Date!) {
      patientsByNameAndBirthDate(familyName: $familyName, dateOfBirth: $dateOfBirth, first: 10) {
        edges { cursor node { ${PATIENT_FIELDS} } } pageInfo { hasNextPage endCursor }
      }
    }`,
    may: { lw: ['home'], coord: ['home'], icbAdmin: ['home', 'otherPcn'] },
    refusalCodes: (scope, caller) => (caller === 'natAdmin' ? ['FORBIDDEN'] : lookupRefusal(scope, caller)),
    nothingFound: (answer) => {
      const page = answer as { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      return page.edges.length === 0 && !page.pageInfo.hasNextPage && page.pageInfo.endCursor === null;
    },
    prepare: async (context) => {
      const patient = await targetPatient(context, {}, false);
      const details = newPatientDetails(patient ? Number(patient.tag.slice(1)) : context.world.nextSeed()).input;
      return {
        variables: { familyName: details.familyName, dateOfBirth: details.dateOfBirth },
        targets: patient ? [patient] : [],
      };
    },
  },
};
