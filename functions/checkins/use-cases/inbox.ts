import { type AuditLog, recordAccess } from '../../audit';
import { canAccessCareRecord, type Principal } from '../../identity';
import { CARE_ROLES, unassignedOwner } from '../../referrals';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { parseIdInput } from '../../shared/ids';
import type { InboxMessage } from '../entities/inbox-message';
import type { CheckInDeps, InboxRepository, NewInboxMessage, PatientContact } from '../ports';

/*
 * The inbox where no text is lost: every text from a patient that no check-in took as an answer waits here for the
 * link worker of the patient's open referral (or the PCN's coordinators, when nobody is assigned or nothing is open),
 * until a person marks it handled.
 */

export const INBOX_DEFAULT_PAGE = 20;
export const INBOX_MAX_PAGE = 100;

/** Whose inbox a patient's text goes to, with the scope it is checked against. */
export async function inboxOwner(
  deps: Pick<CheckInDeps, 'careRecords'>,
  patient: PatientContact,
): Promise<Pick<NewInboxMessage, 'referralId' | 'icbId' | 'pcnId' | 'practiceId' | 'caseloadOwner'>> {
  const newestFirst = (a: { receivedAt: string }, b: { receivedAt: string }) =>
    b.receivedAt.localeCompare(a.receivedAt);
  const open = (await deps.careRecords.listReferralsOfPatient(patient.patientId))
    .filter((referral) => referral.open && !referral.erased)
    .sort(newestFirst);
  const referral = open.find((r) => r.linkWorkerId) ?? open[0];
  if (!referral) {
    return {
      icbId: patient.icbId,
      pcnId: patient.pcnId,
      practiceId: patient.practiceId,
      caseloadOwner: unassignedOwner(patient.pcnId),
    };
  }
  return {
    referralId: referral.referralId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    caseloadOwner: referral.linkWorkerId ?? unassignedOwner(referral.pcnId),
  };
}

export interface InboxDeps extends Pick<CheckInDeps, 'staff' | 'clock'> {
  inbox: InboxRepository;
  audit: AuditLog;
}

export interface ListInboxInput {
  /** A link worker's inbox; default the caller's own (link workers), or the PCN's queue (coordinators). */
  linkWorkerId?: string;
  /** A PCN's queue: texts of patients with no link worker. */
  unassignedPcnId?: string;
  /** Handled texts instead of those waiting (default false). */
  handled?: boolean;
  first?: number;
  after?: string;
}

/**
 * Primary course: a link worker opens their inbox and reads, oldest first, the texts that need a person; a
 * coordinator opens their PCN's queue (or a link worker's inbox of their PCN); an administrator names either within
 * their ICB. Each text shown is audited as a read of its patient's record (by the GraphQL layer).
 */
export async function listInbox(deps: InboxDeps, principal: Principal, input: ListInboxInput = {}) {
  assertCareRole(principal);
  const first = input.first ?? INBOX_DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > INBOX_MAX_PAGE) {
    throw new ValidationError('first', `must be a whole number from 1 to ${INBOX_MAX_PAGE}`);
  }
  const owner = await authorisedOwner(deps, principal, input);
  return deps.inbox.list(owner, input.handled ? 'HANDLED' : 'UNHANDLED', {
    first,
    ...(input.after ? { after: input.after } : {}),
  });
}

/**
 * Primary course: whoever read a text and did what it needed marks it handled; it leaves the waiting list and is kept
 * with who handled it and when. Anyone who may see the patient's care record in that inbox may; audited. CONFLICT
 * once it is handled (or erased).
 */
export async function markInboxMessageHandled(
  deps: InboxDeps,
  principal: Principal,
  input: { inboxMessageId: string },
): Promise<InboxMessage> {
  assertCareRole(principal);
  const message = await deps.inbox.get(parseIdInput(input.inboxMessageId, 'inboxMessageId'));
  if (!message || !canAccessCareRecord(principal, scopeOf(message))) throw new ForbiddenError();
  const at = deps.clock.now().toISOString();
  if (message.state === 'HANDLED' || !(await deps.inbox.markHandled(message, { userId: principal.userId, at }))) {
    throw new ConflictError('The text is already handled, or the patient’s data has been erased');
  }
  await recordAccess(deps, principal, 'UPDATE', 'markInboxMessageHandled', {
    patientId: message.patientId,
    entityType: 'inboxMessage',
    entityId: message.inboxMessageId,
  });
  return { ...message, state: 'HANDLED', handledAt: at, handledBy: principal.userId };
}

function scopeOf(message: InboxMessage) {
  const unassigned = message.caseloadOwner === unassignedOwner(message.pcnId);
  return {
    icbId: message.icbId,
    pcnId: message.pcnId,
    practiceId: message.practiceId,
    ...(unassigned ? {} : { linkWorkerId: message.caseloadOwner }),
  };
}

function assertCareRole(principal: Principal): void {
  if (!(CARE_ROLES as readonly string[]).includes(principal.role)) throw new ForbiddenError();
}

/** The inbox the caller asked for, if they may read it; ForbiddenError otherwise (also for unknown ids). */
async function authorisedOwner(deps: InboxDeps, principal: Principal, input: ListInboxInput): Promise<string> {
  if (input.unassignedPcnId !== undefined) {
    const pcnId = parseIdInput(input.unassignedPcnId, 'unassignedPcnId');
    if (principal.role === 'ADMIN') {
      const pcn = await deps.staff.getOrganisation(pcnId);
      if (pcn?.kind !== 'PCN' || (principal.icbId !== undefined && pcn.icbId !== principal.icbId)) {
        throw new ForbiddenError();
      }
    } else if (principal.pcnId !== pcnId) {
      throw new ForbiddenError();
    }
    return unassignedOwner(pcnId);
  }
  if (input.linkWorkerId === undefined) {
    if (principal.role === 'LINK_WORKER') return principal.userId;
    if (principal.role === 'COORDINATOR' && principal.pcnId) return unassignedOwner(principal.pcnId);
    throw new ValidationError('linkWorkerId', 'name the link worker (or give unassignedPcnId) whose inbox to read');
  }
  const linkWorkerId = parseIdInput(input.linkWorkerId, 'linkWorkerId');
  if (linkWorkerId === principal.userId && principal.role === 'LINK_WORKER') return linkWorkerId;
  if (principal.role === 'LINK_WORKER') throw new ForbiddenError();
  const worker = await deps.staff.getStaffUser(linkWorkerId);
  const inScope =
    worker?.role === 'LINK_WORKER' &&
    (principal.role === 'COORDINATOR'
      ? worker.pcnId === principal.pcnId
      : principal.icbId === undefined || worker.icbId === principal.icbId);
  if (!inScope) throw new ForbiddenError();
  return linkWorkerId;
}
