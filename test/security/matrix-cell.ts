import type { Observed } from './probe';
import { markersIn } from './probe';
import { NOTHING_FOUND, type Prepared, type Recipe } from './recipe';
import type { CallerName, ScopeName, SeededPatient, World } from './world';

/*
 * One cell of the matrix: an operation, a caller, a scope. It is sent once; what came back is judged twice, for scope
 * (the right answer or refusal, no data a caller may not see, nothing written by a refusal) and for audit (exactly
 * one event per patient whose identifying fields the response carries, no read recorded for anyone else).
 */

export interface CellResult {
  label: string;
  allowed: boolean;
  scopeProblems: string[];
  /** Null when the audit was not looked at (the request was refused, so it must have written nothing at all). */
  auditProblems: string[] | null;
  /** Patients whose identifying fields the response carried. */
  patientsShown: number;
}

function isAllowed(recipe: Recipe, caller: CallerName, scope: ScopeName): boolean {
  return caller !== 'inactive' && (recipe.may[caller] ?? []).includes(scope);
}

/** Null or absent data, or data whose every root field is null. */
function noData(data: Record<string, unknown> | null | undefined): boolean {
  return data === undefined || data === null || Object.values(data).every((value) => value === null);
}

function judgeAnswer(
  label: string,
  field: string,
  observed: Observed,
  allowed: boolean,
  refusal: readonly string[],
  nothingFound: ((answer: unknown) => boolean) | undefined,
) {
  const { response, writes } = observed;
  const codes = (response.json.errors ?? []).map((error) => String(error.extensions?.code));
  const answer = (response.json.data as Record<string, unknown> | undefined)?.[field];
  const problems: string[] = [];
  if (allowed) {
    if (codes.length > 0) problems.push(`${label}: expected an answer, got ${codes.join(', ')}`);
    else if (answer == null) problems.push(`${label}: expected an answer, got no data`);
    else if (nothingFound?.(answer)) problems.push(`${label}: expected a match, got none`);
    return problems;
  }
  // A lookup refuses by finding nothing: the very answer it gives for no match, no error, nothing written.
  if (codes.length === 0 && refusal.includes(NOTHING_FOUND) && nothingFound?.(answer)) {
    if (writes > 0) problems.push(`${label}: found nothing after ${writes} DynamoDB write(s)`);
    return problems;
  }
  const got = codes.length > 0 ? codes.join(', ') : `an answer (status ${response.status})`;
  if (codes.length === 0 || !codes.every((code) => refusal.includes(code))) {
    problems.push(`${label}: expected ${refusal.join(' or ')}, got ${got}`);
  }
  if (!noData(response.json.data as Record<string, unknown> | undefined)) problems.push(`${label}: refused with data`);
  if (writes > 0) problems.push(`${label}: refused after ${writes} DynamoDB write(s)`);
  return problems;
}

/** Marker values of patients the caller may not see (and, for a refusal, of anyone) found in the raw response. */
function judgeDisclosure(
  label: string,
  world: World,
  caller: CallerName,
  observed: Observed,
  prepared: Prepared,
  allowed: boolean,
) {
  const problems: string[] = [];
  const targets = new Set(prepared.targets);
  for (const patient of world.patients) {
    if (allowed && (targets.has(patient) || world.maySee(caller, patient))) continue;
    const found = markersIn(observed.response.raw, [...patient.markers.identifying, ...patient.markers.texts]);
    if (found.length > 0) problems.push(`${label}: response carries ${found.length} value(s) of ${patient.label}`);
  }
  const targetValues = new Set(prepared.targets.flatMap((patient) => patient.markers.identifying));
  const echoed = markersIn(
    observed.response.raw,
    (prepared.sent ?? []).filter((value) => !(allowed && targetValues.has(value))),
  );
  if (echoed.length > 0) problems.push(`${label}: response repeats ${echoed.length} submitted value(s)`);
  return problems;
}

async function judgeAudit(label: string, world: World, observed: Observed, targets: readonly SeededPatient[]) {
  const shown = world.patients.filter(
    (patient) => patient.patientId && markersIn(observed.response.raw, patient.markers.identifying).length > 0,
  );
  const shownIds = new Set(shown.map((patient) => patient.patientId));
  const suspects = new Set([
    ...shownIds,
    ...observed.auditWrites,
    ...targets.map((patient) => patient.patientId).filter(Boolean),
  ]);
  const problems: string[] = [];
  for (const patientId of suspects) {
    const events = await world.probe.auditEventsAt(patientId, observed.at);
    const who = world.patients.find((patient) => patient.patientId === patientId)?.label ?? patientId;
    const list = events.map((event) => `${event.action} ${event.entityType} by ${event.operation}`).join('; ');
    if (shownIds.has(patientId)) {
      if (events.length !== 1) problems.push(`${label}: ${who} shown, ${events.length} audit events [${list}]`);
    } else if (events.some((event) => event.action === 'READ') || events.length > 1) {
      problems.push(`${label}: ${who} not shown, yet ${events.length} audit events [${list}]`);
    }
  }
  return { problems, patientsShown: shown.length };
}

/** Prepares, sends and judges one cell. */
export async function runCell(
  world: World,
  name: string,
  field: string,
  recipe: Recipe,
  caller: CallerName,
  scope: ScopeName,
): Promise<CellResult> {
  const label = `${name} · ${caller} · ${scope}`;
  const allowed = isAllowed(recipe, caller, scope);
  const prepared = await recipe.prepare({ world, caller, scope, allowed });
  const observed = await world.probe.send(world.callers[caller], recipe.document, prepared.variables);

  if (caller === 'inactive') {
    const { response } = observed;
    const codes = (response.json.errors ?? []).map((error) => error.extensions?.code);
    const held =
      response.status === 401 &&
      codes.length === 1 &&
      codes[0] === 'UNAUTHENTICATED' &&
      noData(response.json.data as Record<string, unknown>) &&
      observed.writes === 0;
    const scopeProblems = held ? [] : [`${label}: expected 401 UNAUTHENTICATED, got ${response.status} ${codes}`];
    return { label, allowed, scopeProblems, auditProblems: null, patientsShown: 0 };
  }

  const refusal = recipe.refusalCodes?.(scope, caller) ?? ['FORBIDDEN'];
  const scopeProblems = [
    ...judgeAnswer(label, field, observed, allowed, refusal, recipe.nothingFound),
    ...judgeDisclosure(label, world, caller, observed, prepared, allowed),
  ];
  const answered = allowed && !observed.response.json.errors;
  if (answered) prepared.adopt?.(observed.response.json.data as Record<string, unknown>);
  if (!answered) return { label, allowed, scopeProblems, auditProblems: null, patientsShown: 0 };
  const audit = await judgeAudit(label, world, observed, prepared.targets);
  return { label, allowed, scopeProblems, auditProblems: audit.problems, patientsShown: audit.patientsShown };
}
