import type { CallerName, PlaceName, ScopeName, SeededPatient, World } from './world';

/*
 * What the generated matrix needs to know about one root field: the document to send, who may call it where (the
 * policy, read from the schema's descriptions and the use cases), and how to build its variables for a scope. The
 * tables of recipes are keyed by root-field name; the matrix fails for a root field that has none.
 */

/** Scopes in which each caller may call the operation and get an answer; every other cell must be refused. */
export type Policy = Partial<Record<CallerName, readonly ScopeName[]>>;

export interface CellContext {
  world: World;
  caller: CallerName;
  scope: ScopeName;
  /** The policy lets this caller call it in this scope: a mutation gets a target of its own, made for this cell. */
  allowed: boolean;
}

export interface Prepared {
  variables: Record<string, unknown>;
  /** Patients the cell is about: for an allowed cell, the caller may see them in the response. */
  targets: SeededPatient[];
  /** Values the request sends that identify nobody yet (a new patient's details); never echoed by a refusal. */
  sent?: string[];
  /** Called with the data of an answered request, to take a patient the request created into the world. */
  adopt?: (data: Record<string, unknown>) => void;
}

export interface Recipe {
  document: string;
  /** The scopes it is tried in (default all four); operations without a record to aim at run once, as `home`. */
  scopes?: readonly ScopeName[];
  may: Policy;
  /**
   * Codes a refusal may carry in `scope`, when the schema documents more than FORBIDDEN (NOT_FOUND, …); `NOTHING_FOUND`
   * is a lookup's refusal, an answer without errors that `nothingFound` recognises (the same as for no match at all).
   */
  refusalCodes?: (scope: ScopeName, caller: CallerName) => readonly string[];
  /** For a lookup: whether its answer (the root field's value) is "no match". An allowed cell must not be. */
  nothingFound?: (answer: unknown) => boolean;
  prepare(context: CellContext): Promise<Prepared>;
}

export const ALL_PLACES: readonly ScopeName[] = ['home', 'otherPcn', 'otherIcb'];
const ICB_A: readonly ScopeName[] = ['home', 'otherPcn'];

/** Care records: the assigned link worker, the PCN's coordinators, the ICB's administrators, national ones. */
export const CARE: Policy = { lw: ['home'], coord: ['home'], icbAdmin: ICB_A, natAdmin: ALL_PLACES };
/** Administrators only: of the ICB, or national. */
export const ADMINS: Policy = { icbAdmin: ICB_A, natAdmin: ALL_PLACES };
/** Outcome figures: commissioners and administrators of the ICB, national administrators anywhere. */
export const FIGURES: Policy = { commissioner: ICB_A, icbAdmin: ICB_A, natAdmin: ALL_PLACES };
/** The directory: every role within its own ICB, national administrators anywhere. */
export const DIRECTORY_READ: Policy = {
  lw: ICB_A,
  lw2: ICB_A,
  coord: ICB_A,
  icbAdmin: ICB_A,
  natAdmin: ALL_PLACES,
  commissioner: ICB_A,
  provider: ICB_A,
};
/** Managing an activity: its PCN's coordinators, its ICB's administrators, national ones, its own provider. */
export const DIRECTORY_MANAGE: Policy = { coord: ['home'], icbAdmin: ICB_A, natAdmin: ALL_PLACES, provider: ['home'] };

/** A lookup's refusal: the answer it gives when nothing matches, told apart from nothing. */
export const NOTHING_FOUND = 'NOTHING_FOUND';

/** A missing record may also be answered with the documented `code`. */
export const orWhenMissing =
  (code: string) =>
  (scope: ScopeName): readonly string[] =>
    scope === 'missing' ? ['FORBIDDEN', code] : ['FORBIDDEN'];

/** Every identifying field of a patient. */
export const PATIENT_FIELDS = `id nhsNumber givenName familyName preferredName name dateOfBirth sex ethnicity mobile
  accessibilityNeeds smsConsent erasedAt`;

/** A referral with everything written about the person. */
export const REFERRAL_FIELDS = `id status version note patient { ${PATIENT_FIELDS} }
  events(first: 20) { edges { node { kind reason } } }
  whatMatters(first: 20) { edges { node { text } } }
  goals(first: 20) { edges { node { description } } }`;

/** The place a scope aims at (a missing record is looked for at home). */
export function placeOf(scope: ScopeName): PlaceName {
  return scope === 'missing' ? 'home' : scope;
}

/**
 * The patient a cell aims at: a fresh one (with `needs`) when the cell is allowed and changes state, the place's
 * seeded patient otherwise (a refusal must leave it as it is), none when missing.
 */
export async function targetPatient(
  context: CellContext,
  needs: Parameters<World['fresh']>[1],
  changesState: boolean,
): Promise<SeededPatient | undefined> {
  if (context.scope === 'missing') return undefined;
  if (context.allowed && changesState) return context.world.fresh(context.scope, needs);
  return context.world.base[context.scope];
}

/** The link worker a caller names when assigning: a link worker names themselves, others the place's owner. */
export function assigneeFor(context: CellContext, place: PlaceName): string {
  const { world, caller } = context;
  const user = world.callers[caller];
  return user.role === 'LINK_WORKER' ? user.userId : world.places[place].owner.userId;
}
