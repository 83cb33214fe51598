import { canAccessCareRecord, type Principal } from '../../identity';
import type { ConcernRaised } from '../../shared/care-events';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { DEFAULT_NATION } from '../../shared/uk-nation';
import { assertCareRole, auditAccess, type ReferralDeps } from '../access';
import type { Concern, ConcernText } from '../entities/concern';
import type { Referral } from '../entities/referral';
import type { OpenConcernScope, Page } from '../ports';
import { nonEmptyId, oneOf, optionalText } from '../validation';
import { CONCERN_ACTIONS, type ConcernAction, unassignedOwner } from '../vocabulary';

/*
 * The concern lifecycle (docs/clinical-safety.md, H1): a worrying text or a concern-level answer raises a concern on
 * the referral; a named person acknowledges it ("I am on it"), then resolves it with the action taken and a note. The
 * referral's caseload row shows every unresolved concern until then. Nobody may leave one unacknowledged: the oldest
 * unacknowledged concern is a metric with an alarm (functions/checkins dispatcher, infra/constructs/alarms.ts).
 */

const MAX_ATTEMPTS = 5;
export const CONCERN_NOTE_MAX = 2000;
export const CONCERNS_DEFAULT_PAGE = 20;
export const CONCERNS_MAX_PAGE = 100;

/** The scope a concern is checked against: its referral's, with the link worker as its caseload owner says. */
function scopeOf(concern: Concern) {
  const unassigned = concern.caseloadOwner === unassignedOwner(concern.pcnId);
  return {
    icbId: concern.icbId,
    pcnId: concern.pcnId,
    practiceId: concern.practiceId,
    ...(unassigned ? {} : { linkWorkerId: concern.caseloadOwner }),
  };
}

/** The referral row after `concerns` (the unresolved ones) changed: ids and raise time oldest first. */
function rowOf(
  concerns: readonly Pick<Concern, 'concernId' | 'raisedAt'>[],
  at: string,
): { openConcernIds: string[]; concernRaisedAt?: string; at: string } {
  const open = [...concerns].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  return { openConcernIds: open.map((c) => c.concernId), concernRaisedAt: open[0]?.raisedAt, at };
}

/**
 * On ConcernRaised (the check-ins context read a worrying text or a concern-level answer). Primary course: the text
 * joins the referral's unacknowledged concern if it has one (nobody has looked yet, so one look covers both);
 * otherwise a new concern is opened with the referral's row in one transaction. Idempotent: a text already on any of
 * the referral's concerns (resolved ones too) changes nothing, so a redelivered or re-published event cannot raise a
 * second concern.
 */
export async function raiseConcern(
  deps: Pick<ReferralDeps, 'referrals' | 'concerns' | 'newId'>,
  event: ConcernRaised,
): Promise<void> {
  const text: ConcernText = { ...event.text, reason: event.reason };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const referral = await deps.referrals.getReferral(event.referralId, { consistent: true });
    // An erased referral keeps its skeleton as it was: nothing more is written to it.
    if (!referral || referral.erasedAt) return;
    // Resolved concerns count too: a text redelivered after its concern was resolved must not raise it again.
    const all = await listReferralConcerns(deps, referral);
    if (all.some((concern) => concern.texts.some((t) => t.inboundMessageId === text.inboundMessageId))) return;
    const open = await deps.concerns.getMany(referral.openConcernIds ?? []);
    const unacknowledged = open.find((concern) => concern.status === 'OPEN');
    if (unacknowledged) {
      if (await deps.concerns.attach(unacknowledged, text, event.at)) return;
      continue;
    }
    const concern = newConcern(deps, referral, event, text);
    const row = {
      openConcernIds: [...(referral.openConcernIds ?? []), concern.concernId],
      concernRaisedAt: [referral.concernRaisedAt, concern.raisedAt].filter((t): t is string => !!t).sort()[0],
      at: event.at,
    };
    if (await deps.concerns.open(concern, referral, row)) return;
  }
  throw new ConflictError('The referral kept changing while a concern was raised on it');
}

function newConcern(
  deps: Pick<ReferralDeps, 'newId'>,
  referral: Referral,
  event: ConcernRaised,
  text: ConcernText,
): Concern {
  return {
    concernId: deps.newId(),
    referralId: referral.referralId,
    patientId: referral.patientId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    caseloadOwner: referral.caseloadOwner,
    status: 'OPEN',
    reasons: [event.reason],
    nation: event.nation ?? DEFAULT_NATION,
    raisedAt: text.at,
    lastRaisedAt: text.at,
    raisedCount: 1,
    texts: [text],
    version: 1,
    updatedAt: event.at,
  };
}

/** The concern, if the caller may act on its referral (FORBIDDEN otherwise, and for one that does not exist). */
async function loadConcernInScope(deps: Pick<ReferralDeps, 'concerns'>, principal: Principal, concernId: string) {
  assertCareRole(principal);
  const concern = await deps.concerns.get(nonEmptyId(concernId, 'concernId'), { consistent: true });
  if (!concern || !canAccessCareRecord(principal, scopeOf(concern))) throw new ForbiddenError();
  if (concern.erasedAt) throw new ConflictError("The patient's data has been erased");
  return concern;
}

/**
 * Primary course: a link worker (or coordinator, or administrator) in the referral's scope has seen the concern and
 * is dealing with it. It leaves the unacknowledged alarm's count; the caseload still shows it until it is resolved.
 * CONFLICT when it is already acknowledged or resolved (the response says by whom through `acknowledgedBy`).
 */
export async function acknowledgeConcern(
  deps: ReferralDeps,
  principal: Principal,
  input: { concernId: string },
): Promise<Concern> {
  const concern = await loadConcernInScope(deps, principal, input.concernId);
  if (concern.status !== 'OPEN') throw new ConflictError(`The concern is already ${concern.status.toLowerCase()}`);
  const acknowledged = await deps.concerns.acknowledge(concern, {
    userId: principal.userId,
    at: deps.clock.now().toISOString(),
  });
  await auditAccess(deps, principal, 'UPDATE', 'acknowledgeConcern', {
    patientId: concern.patientId,
    entityType: 'concern',
    entityId: concern.concernId,
  });
  return acknowledged;
}

export interface ResolveConcernInput {
  concernId: string;
  action: ConcernAction;
  /** What was done; required when `action` is OTHER. */
  note?: string;
}

/**
 * Primary course: the person dealing with the concern records what they did (the action and a note) and closes it;
 * the referral's caseload row drops it in the same transaction. An unacknowledged concern is acknowledged by the same
 * act. Retried when only the referral moved meanwhile (the follow-up engine changes it often); CONFLICT when the
 * concern itself changed or is already resolved.
 */
export async function resolveConcern(
  deps: ReferralDeps,
  principal: Principal,
  input: ResolveConcernInput,
): Promise<Concern> {
  const action = oneOf(input.action, CONCERN_ACTIONS, 'action');
  const note = optionalText(input.note, 'note', CONCERN_NOTE_MAX, { multiline: true });
  if (action === 'OTHER' && !note) throw new ValidationError('note', 'say what was done when the action is OTHER');
  const concern = await loadConcernInScope(deps, principal, input.concernId);
  if (concern.status === 'RESOLVED') throw new ConflictError('The concern is already resolved');
  const at = deps.clock.now().toISOString();
  for (let attempt = 1; ; attempt++) {
    const referral = await deps.referrals.getReferral(concern.referralId, { consistent: true });
    if (!referral || referral.erasedAt) throw new ConflictError("The patient's data has been erased");
    const remaining = (referral.openConcernIds ?? []).filter((id) => id !== concern.concernId);
    const others = await deps.concerns.getMany(remaining);
    // Ids come from the referral (read consistently); a concern the read missed keeps its place at the end.
    const row = rowOf(others, at);
    row.openConcernIds.push(...remaining.filter((id) => !row.openConcernIds.includes(id)));
    try {
      const resolved = await deps.concerns.resolve(
        concern,
        referral,
        { userId: principal.userId, at, action, ...(note ? { note } : {}) },
        row,
      );
      await auditAccess(deps, principal, 'UPDATE', 'resolveConcern', {
        patientId: concern.patientId,
        entityType: 'concern',
        entityId: concern.concernId,
      });
      return resolved;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      const now = await deps.concerns.get(concern.concernId, { consistent: true });
      if (now?.version !== concern.version) throw error;
    }
  }
}

export interface ListOpenConcernsInput {
  /** For a national administrator only: the ICB to read (they have no ICB of their own). */
  icbId?: string;
  first?: number;
  after?: string;
}

/**
 * Primary course: whoever watches concerns opens the unresolved ones in their scope, oldest first: a link worker
 * those on their own caseload, a coordinator their PCN's, an administrator their ICB's (a national administrator names
 * the ICB). One Query a page; every concern shown is audited by the GraphQL layer as a read of its patient's record.
 */
export async function listOpenConcerns(
  deps: Pick<ReferralDeps, 'concerns'>,
  principal: Principal,
  input: ListOpenConcernsInput = {},
): Promise<Page<Concern>> {
  assertCareRole(principal);
  const first = input.first ?? CONCERNS_DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > CONCERNS_MAX_PAGE) {
    throw new ValidationError('first', `must be a whole number from 1 to ${CONCERNS_MAX_PAGE}`);
  }
  const scope = concernScope(principal, input.icbId === undefined ? undefined : nonEmptyId(input.icbId, 'icbId'));
  return deps.concerns.listOpen(scope, { first, ...(input.after ? { after: input.after } : {}) });
}

function concernScope(principal: Principal, icbId: string | undefined): OpenConcernScope {
  // Anyone with an ICB of their own may name it, and no other: another ICB is refused, never silently ignored.
  if (icbId !== undefined && principal.icbId !== undefined && icbId !== principal.icbId) {
    throw new ForbiddenError('You may read your own ICB only', 'icbId');
  }
  switch (principal.role) {
    case 'LINK_WORKER':
      return { caseloadOwner: principal.userId };
    case 'COORDINATOR':
      if (!principal.pcnId) throw new ForbiddenError();
      return { pcnId: principal.pcnId };
    default:
      if (principal.icbId) return { icbId: principal.icbId };
      if (icbId === undefined) throw new ValidationError('icbId', 'a national administrator names the ICB to read');
      return { icbId };
  }
}

/** A referral's concerns, resolved ones included, oldest first (the referral was scope-checked by its reader). */
export async function listReferralConcerns(
  deps: Pick<ReferralDeps, 'concerns'>,
  referral: Pick<Referral, 'referralId' | 'patientId'>,
): Promise<Concern[]> {
  return (await deps.concerns.listForPatient(referral.patientId)).filter(
    (concern) => concern.referralId === referral.referralId,
  );
}

/** When a referral moves to another caseload, its unresolved concerns move with it (each retried on a clash). */
export async function moveOpenConcerns(
  deps: Pick<ReferralDeps, 'concerns'>,
  referral: Pick<Referral, 'openConcernIds' | 'caseloadOwner'>,
  at: string,
): Promise<void> {
  for (const listed of await deps.concerns.getMany(referral.openConcernIds ?? [])) {
    let concern: Concern | undefined = listed;
    for (let attempt = 1; concern && concern.status !== 'RESOLVED' && attempt <= MAX_ATTEMPTS; attempt++) {
      if (concern.caseloadOwner === referral.caseloadOwner) break;
      if (await deps.concerns.reassign(concern, referral.caseloadOwner, at)) break;
      concern = await deps.concerns.get(listed.concernId, { consistent: true });
    }
  }
}
