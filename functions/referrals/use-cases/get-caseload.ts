import type { Principal } from '../../identity';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { assertCareRole, auditAccess, type ReferralDeps } from '../access';
import type { Referral } from '../entities/referral';
import { CASELOAD_SORTS, type CaseloadSort, type Page } from '../ports';
import { TERMINAL_STATUSES } from '../transitions';
import { isoDateTime, oneOf } from '../validation';
import { type CaseState, REFERRAL_STATUSES, type ReferralStatus, unassignedOwner } from '../vocabulary';

export const CASELOAD_DEFAULT_PAGE = 25;
export const CASELOAD_MAX_PAGE = 100;

export interface GetCaseloadInput {
  /** Whose caseload; defaults to the caller. Ignored when `unassignedPcnId` is given. */
  linkWorkerId?: string;
  /** Read a PCN's queue of unassigned referrals instead of a link worker's caseload. */
  unassignedPcnId?: string;
  /** Only these statuses. All open (the default bucket) or all closed; a mix is refused. */
  statuses?: ReferralStatus[];
  /** Only referrals with an open concern (a worrying reply not yet acknowledged). */
  concernOnly?: boolean;
  /** Only referrals whose next check-in is strictly before this ISO date-time. */
  checkInDueBefore?: string;
  sort?: CaseloadSort;
  /** Page size, 1..100 (default 25). */
  first?: number;
  /** `endCursor` of the previous page. */
  after?: string;
}

/**
 * Primary course: a link worker opens their caseload and sees their open referrals, soonest check-in (or longest
 * since contact) first, a page at a time. A coordinator may open the caseload of any link worker of their PCN, and
 * the PCN's unassigned queue. Each page is one Query (more only when filters thin it) and one audit event per patient.
 */
export async function getCaseload(
  deps: ReferralDeps,
  principal: Principal,
  input: GetCaseloadInput = {},
): Promise<Page<Referral>> {
  assertCareRole(principal);
  const first = input.first ?? CASELOAD_DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > CASELOAD_MAX_PAGE) {
    throw new ValidationError('first', `must be a whole number from 1 to ${CASELOAD_MAX_PAGE}`);
  }
  const sort = input.sort === undefined ? 'NEXT_CHECK_IN' : oneOf(input.sort, CASELOAD_SORTS, 'sort');
  const statuses = (input.statuses ?? []).map((status, i) => oneOf(status, REFERRAL_STATUSES, `statuses[${i}]`));
  const closed = statuses.filter((status) => TERMINAL_STATUSES.includes(status));
  if (closed.length > 0 && closed.length < statuses.length) {
    throw new ValidationError('statuses', 'ask for open statuses or closed statuses, not both at once');
  }
  const caseState: CaseState = statuses.length > 0 && closed.length === statuses.length ? 'CLOSED' : 'OPEN';
  const checkInDueBefore =
    input.checkInDueBefore === undefined ? undefined : isoDateTime(input.checkInDueBefore, 'checkInDueBefore');

  const { caseloadOwner, authorised } = requestedOwner(deps, principal, input);
  // The scope check's read (another link worker's record, or the PCN) and the page's Query do not depend on each
  // other, so they run together; a page the caller may not read is dropped unseen and unaudited.
  // A refusal wins over anything the Query said (a bad cursor, say), as it would if they ran one after the other.
  const [allowed, read] = await Promise.allSettled([
    authorised,
    deps.referrals.queryCaseload({
      caseloadOwner,
      caseState,
      sort,
      statuses: statuses.length > 0 ? statuses : undefined,
      concernOnly: input.concernOnly === true,
      checkInDueBefore,
      first,
      after: input.after,
    }),
  ]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (read.status === 'rejected') throw read.reason;
  const page = read.value;

  const seen = new Set<string>();
  await Promise.all(
    page.items
      .filter((referral) => !seen.has(referral.patientId) && seen.add(referral.patientId))
      .map((referral) =>
        auditAccess(deps, principal, 'READ', 'getCaseload', {
          patientId: referral.patientId,
          entityType: 'referral',
          entityId: referral.referralId,
        }),
      ),
  );
  return page;
}

/**
 * The caseload partition the caller asked for, and the check that they may read it (ForbiddenError otherwise, also
 * for unknown ids). Checks that need no read are made here, at once.
 */
function requestedOwner(
  deps: ReferralDeps,
  principal: Principal,
  input: GetCaseloadInput,
): { caseloadOwner: string; authorised: Promise<void> } {
  if (input.unassignedPcnId !== undefined) {
    const pcnId = input.unassignedPcnId;
    if (principal.role !== 'ADMIN' && principal.pcnId !== pcnId) throw new ForbiddenError();
    const authorised =
      principal.role === 'ADMIN'
        ? deps.staff.getOrganisation(pcnId).then((pcn) => {
            if (pcn?.kind !== 'PCN' || (principal.icbId !== undefined && pcn.icbId !== principal.icbId)) {
              throw new ForbiddenError();
            }
          })
        : Promise.resolve();
    return { caseloadOwner: unassignedOwner(pcnId), authorised };
  }
  const linkWorkerId = input.linkWorkerId ?? principal.userId;
  if (linkWorkerId === principal.userId) {
    if (principal.role !== 'LINK_WORKER')
      throw new ValidationError('linkWorkerId', 'name the link worker whose caseload to read');
    return { caseloadOwner: linkWorkerId, authorised: Promise.resolve() };
  }
  if (principal.role === 'LINK_WORKER') throw new ForbiddenError();
  const authorised = deps.staff.getStaffUser(linkWorkerId).then((worker) => {
    const inScope =
      worker?.role === 'LINK_WORKER' &&
      (principal.role === 'COORDINATOR'
        ? worker.pcnId === principal.pcnId
        : principal.icbId === undefined || worker.icbId === principal.icbId);
    if (!inScope) throw new ForbiddenError();
  });
  return { caseloadOwner: linkWorkerId, authorised };
}
